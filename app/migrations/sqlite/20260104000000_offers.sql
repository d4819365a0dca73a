-- Job offers and internships, their moderation, and saved searches (alerts).
-- Times are Unix seconds; codes are those of `offers/domain.rs`.
CREATE TABLE offers (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('lavoro', 'tirocinio')),
    title          TEXT NOT NULL,
    description    TEXT NOT NULL,
    organisation   TEXT NOT NULL,
    publisher_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- NULL for a fully remote offer.
    comune_istat   TEXT REFERENCES comuni (istat_code),
    address        TEXT NOT NULL DEFAULT '',
    remote         TEXT NOT NULL CHECK (remote IN ('no', 'ibrido', 'totale')),
    sector         TEXT NOT NULL,
    profession     TEXT NOT NULL,
    contract       TEXT NOT NULL,
    working_time   TEXT NOT NULL CHECK (working_time IN ('pieno', 'parziale')),
    education      INTEGER NOT NULL CHECK (education BETWEEN 0 AND 8),
    languages      TEXT NOT NULL DEFAULT '',
    licence        TEXT NOT NULL DEFAULT '',
    pay_min        INTEGER,
    pay_max        INTEGER,
    positions      INTEGER NOT NULL CHECK (positions > 0),
    status         TEXT NOT NULL CHECK (status IN ('bozza', 'revisione', 'pubblicata', 'scaduta', 'coperta', 'ritirata')),
    review_reason  TEXT NOT NULL DEFAULT '',
    published_at   INTEGER,
    expires_at     INTEGER NOT NULL,
    -- 1 for demo content, 2 for offers made by `gen-demo` (replaced on every run).
    demo           INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1, 2)),
    created_at     INTEGER NOT NULL,
    -- Every change moves it: the search index of each server process follows it.
    updated_at     INTEGER NOT NULL
);
CREATE INDEX offers_by_update ON offers (updated_at);
CREATE INDEX offers_by_status ON offers (status, expires_at);
CREATE INDEX offers_by_publisher ON offers (publisher_id, status);

CREATE TABLE saved_searches (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The search's address query (`tipo=lavoro&comune=sarzana&km=15`).
    query        TEXT NOT NULL,
    label        TEXT NOT NULL,
    -- The one-click unsubscribe link carries it; stored as SHA-256.
    token_hash   TEXT NOT NULL UNIQUE,
    -- Offers published after this time are new for the next digest.
    last_sent_at INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (user_id, query)
);
