-- The network's membership: requests to join (bodies and comuni), the
-- invitations that follow an approval, portal settings and the reminders
-- already sent; and the review of courses and meetings when the admin turns
-- pre-moderation on. Times are Unix seconds.
CREATE TABLE adhesion_requests (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('ente', 'comune')),
    name            TEXT NOT NULL,
    -- A body's category; NULL for a comune.
    category        TEXT,
    -- A comune's ISTAT code; NULL for a body.
    comune_istat    TEXT REFERENCES comuni (istat_code),
    mayor           TEXT,
    contact_name    TEXT NOT NULL,
    contact_email   TEXT NOT NULL,
    contact_phone   TEXT NOT NULL,
    reason          TEXT NOT NULL,
    protocol_version TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('in_attesa', 'approvata', 'respinta')),
    decision_reason TEXT,
    decided_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at      INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX adhesion_requests_by_status ON adhesion_requests (status, created_at);

CREATE TABLE invitations (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    request_id  INTEGER NOT NULL REFERENCES adhesion_requests (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- One row per reminder sent, so that each goes out once whichever process sends it.
CREATE TABLE reminders_sent (
    key     TEXT PRIMARY KEY NOT NULL,
    sent_at INTEGER NOT NULL
);

-- 'nessuna': published without review (staff, or pre-moderation off).
ALTER TABLE activities ADD COLUMN review TEXT NOT NULL DEFAULT 'nessuna'
    CHECK (review IN ('nessuna', 'in_revisione', 'approvata', 'respinta'));
ALTER TABLE activities ADD COLUMN review_reason TEXT;
