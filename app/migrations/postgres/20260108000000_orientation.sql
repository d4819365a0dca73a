-- Orientation: the rules that turn the questionnaire's answers into a path
-- (data staff edit; the shipped ones are written once, by `code`), and the
-- answers a citizen keeps. Times are Unix seconds.
CREATE TABLE orientation_rules (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    position    BIGINT NOT NULL,
    active      BIGINT NOT NULL DEFAULT 1,
    -- The condition as JSON (`orientation::domain::Condition`).
    condition   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('ente', 'corsi', 'incontri', 'offerte', 'programma', 'passo')),
    target      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    updated_by  BIGINT REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE orientation_answers (
    user_id     BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The questionnaire as JSON (`orientation::domain::Answers`).
    answers     TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
