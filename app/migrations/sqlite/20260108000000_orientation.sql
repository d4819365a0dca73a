-- Orientation: the rules that turn the questionnaire's answers into a path
-- (data staff edit; the shipped ones are written once, by `code`), and the
-- answers a citizen keeps. Times are Unix seconds.
CREATE TABLE orientation_rules (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    -- The condition as JSON (`orientation::domain::Condition`).
    condition   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('ente', 'corsi', 'incontri', 'offerte', 'programma', 'passo')),
    target      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  INTEGER REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE orientation_answers (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The questionnaire as JSON (`orientation::domain::Answers`).
    answers     TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
