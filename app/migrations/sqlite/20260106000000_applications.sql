-- Applications to offers: the CV as it was sent (a copy, so later edits or
-- a deleted CV do not change what the publisher received), and where the
-- publisher has got with it. Times are Unix seconds.
CREATE TABLE applications (
    id           INTEGER PRIMARY KEY,
    offer_id     INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    citizen_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The CV it was made from, while it exists.
    cv_id        INTEGER REFERENCES cvs (id) ON DELETE SET NULL,
    cv_language  TEXT NOT NULL CHECK (cv_language IN ('it', 'en')),
    -- The CV document as JSON at the moment of applying.
    cv_document  TEXT NOT NULL,
    cv_photo     BLOB,
    message      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('ricevuta', 'in_esame', 'colloquio', 'non_selezionata', 'assunta')),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (offer_id, citizen_id)
);
CREATE INDEX applications_by_citizen ON applications (citizen_id, created_at);
