-- Accounts, sessions, single-use tokens, login attempts, consents, the email
-- outbox and the staff audit log. Times are Unix seconds.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    -- Personal fields are NULL once the account is deleted; the row stays for anonymous counts.
    email          TEXT UNIQUE,
    password_hash  TEXT,
    display_name   TEXT,
    organisation   TEXT,
    role           TEXT NOT NULL CHECK (role IN ('cittadino', 'impresa', 'ente', 'operatore', 'admin')),
    status         TEXT NOT NULL CHECK (status IN ('attivo', 'in_attesa', 'respinto', 'eliminato')),
    email_verified INTEGER NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1)),
    review_reason  TEXT,
    -- Operators work at one comune's desk.
    desk_istat     TEXT REFERENCES comuni (istat_code),
    created_at     INTEGER NOT NULL,
    deleted_at     INTEGER
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);

CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verifica_email', 'reimposta_password')),
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE TABLE login_attempts (
    attempt_key  TEXT NOT NULL,
    attempted_at INTEGER NOT NULL
);
CREATE INDEX login_attempts_by_key ON login_attempts (attempt_key, attempted_at);

CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL,
    text_version TEXT NOT NULL,
    given_at     INTEGER NOT NULL
);

CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   INTEGER,
    action     TEXT NOT NULL,
    subject_id INTEGER,
    detail     TEXT NOT NULL
);
