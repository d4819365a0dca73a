-- Businesses and candidate profiles (visible CVs): every profile a business
-- opens, its shortlists with private notes, and its requests for contact,
-- which the candidate accepts or declines. Times are Unix seconds.
CREATE TABLE profile_views (
    business_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    citizen_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cv_id       INTEGER NOT NULL,
    viewed_at   INTEGER NOT NULL
);
CREATE INDEX profile_views_by_business ON profile_views (business_id, viewed_at);
CREATE INDEX profile_views_by_citizen ON profile_views (citizen_id, viewed_at);

CREATE TABLE shortlists (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (business_id, name)
);

CREATE TABLE shortlist_entries (
    shortlist_id INTEGER NOT NULL REFERENCES shortlists (id) ON DELETE CASCADE,
    cv_id        INTEGER NOT NULL REFERENCES cvs (id) ON DELETE CASCADE,
    note         TEXT NOT NULL DEFAULT '',
    added_at     INTEGER NOT NULL,
    PRIMARY KEY (shortlist_id, cv_id)
);

CREATE TABLE contact_requests (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    citizen_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cv_id       INTEGER NOT NULL REFERENCES cvs (id) ON DELETE CASCADE,
    offer_id    INTEGER REFERENCES offers (id) ON DELETE SET NULL,
    message     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('in_attesa', 'accettata', 'rifiutata')),
    created_at  INTEGER NOT NULL,
    answered_at INTEGER,
    UNIQUE (business_id, citizen_id)
);
CREATE INDEX contact_requests_by_citizen ON contact_requests (citizen_id, created_at);
