-- Help at the desk, with consent: a citizen lets a desk operator edit their
-- CVs for an hour, by a code read aloud; what the operator changes is logged.

CREATE TABLE cv_help_grants (
    id          INTEGER PRIMARY KEY,
    citizen_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The code the citizen reads out, until an operator uses it (at most 15
    -- minutes). Kept as it is, not hashed: the citizen's page shows it again
    -- after a reload, and alone it opens nothing (only a signed-in desk
    -- operator can use it, once).
    code        TEXT,
    operator_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    claimed_at  INTEGER,
    expires_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX cv_help_grants_by_citizen ON cv_help_grants (citizen_id, expires_at);
CREATE INDEX cv_help_grants_by_operator ON cv_help_grants (operator_id, expires_at);
CREATE UNIQUE INDEX cv_help_grants_by_code ON cv_help_grants (code);

CREATE TABLE cv_help_changes (
    id          INTEGER PRIMARY KEY,
    cv_id       INTEGER NOT NULL REFERENCES cvs (id) ON DELETE CASCADE,
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    operator_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- The wizard's steps it changed, as numbers: "3,5".
    steps       TEXT NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX cv_help_changes_by_cv ON cv_help_changes (cv_id, at);
