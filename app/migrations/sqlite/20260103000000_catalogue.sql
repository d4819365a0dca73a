-- Courses and thematic meetings (one table, `kind`), their sessions,
-- enrolments with the waitlist, desk appointments, and personal calendar
-- feeds. Times are Unix seconds.
CREATE TABLE activities (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('corso', 'incontro')),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL,
    organiser_name     TEXT NOT NULL,
    organiser_category TEXT NOT NULL,
    publisher_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    comune_istat       TEXT NOT NULL REFERENCES comuni (istat_code),
    venue              TEXT NOT NULL,
    mode               TEXT NOT NULL CHECK (mode IN ('presenza', 'online', 'misto')),
    topic              TEXT NOT NULL,
    target_groups      TEXT NOT NULL, -- space separated codes
    total_hours        INTEGER NOT NULL,
    seats              INTEGER NOT NULL CHECK (seats > 0),
    -- Kept by the enrolment code in the same transaction as the rows it counts;
    -- the CHECK is the last line of defence of the seat limit.
    enrolled           INTEGER NOT NULL DEFAULT 0 CHECK (enrolled >= 0 AND enrolled <= seats),
    -- Arrival order: every enrolment takes the next number.
    queue_seq          INTEGER NOT NULL DEFAULT 0,
    enrol_opens        INTEGER NOT NULL,
    enrol_closes       INTEGER NOT NULL,
    requirements       TEXT NOT NULL,
    certificate        TEXT NOT NULL,
    cost_cents         INTEGER NOT NULL DEFAULT 0,
    skills             TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('bozza', 'pubblicato', 'chiuso', 'annullato')),
    first_starts_at    INTEGER NOT NULL,
    last_ends_at       INTEGER NOT NULL,
    demo               INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    created_at         INTEGER NOT NULL
);
CREATE INDEX activities_by_start ON activities (kind, status, first_starts_at);

CREATE TABLE activity_sessions (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL
);
CREATE INDEX activity_sessions_by_activity ON activity_sessions (activity_id, starts_at);

CREATE TABLE enrolments (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('iscritto', 'in_attesa', 'annullato')),
    queue_no    INTEGER NOT NULL,
    -- Printed in the confirmation; the organiser types it to mark attendance.
    code        TEXT NOT NULL UNIQUE,
    attended    INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    reminded    INTEGER NOT NULL DEFAULT 0 CHECK (reminded IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (activity_id, user_id)
);
CREATE INDEX enrolments_queue ON enrolments (activity_id, status, queue_no);

CREATE TABLE calendar_feeds (
    user_id INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- A capability, like a private calendar link: it only reveals this calendar.
    token   TEXT NOT NULL UNIQUE
);

ALTER TABLE desks ADD COLUMN slot_minutes INTEGER NOT NULL DEFAULT 30;
ALTER TABLE desks ADD COLUMN video_link TEXT NOT NULL DEFAULT '';

CREATE TABLE appointments (
    id             INTEGER PRIMARY KEY,
    desk_id        INTEGER NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    topic          TEXT NOT NULL CHECK (topic IN ('cv', 'colloquio', 'orientamento', 'impresa', 'informazioni')),
    mode           TEXT NOT NULL CHECK (mode IN ('presenza', 'remoto')),
    user_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    person_name    TEXT NOT NULL,
    person_contact TEXT NOT NULL,
    notes          TEXT NOT NULL,
    booked_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status         TEXT NOT NULL CHECK (status IN ('prenotato', 'annullato', 'svolto', 'assente')),
    created_at     INTEGER NOT NULL
);
-- No slot is ever booked twice: the database refuses the second booking.
CREATE UNIQUE INDEX appointments_one_per_slot ON appointments (desk_id, starts_at) WHERE status <> 'annullato';
CREATE INDEX appointments_by_user ON appointments (user_id, starts_at);

ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
