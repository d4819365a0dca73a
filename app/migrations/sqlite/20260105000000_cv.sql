-- CVs written with the builder, their photos, and (for candidate profiles)
-- the consent behind a CV visible to businesses. Times are Unix seconds.
CREATE TABLE cvs (
    id           INTEGER PRIMARY KEY,
    owner_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    language     TEXT NOT NULL CHECK (language IN ('it', 'en')),
    -- The whole document as JSON (`cv::domain::CvDocument`).
    document     TEXT NOT NULL,
    -- Grows by one at every save; a save based on an older one is refused.
    revision     INTEGER NOT NULL DEFAULT 1,
    completeness INTEGER NOT NULL DEFAULT 0,
    visible      INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX cvs_by_owner ON cvs (owner_id, updated_at);
CREATE INDEX cvs_by_update ON cvs (updated_at);

-- Re-encoded on upload (JPEG, at most 600 px, no metadata).
CREATE TABLE cv_photos (
    cv_id   INTEGER PRIMARY KEY REFERENCES cvs (id) ON DELETE CASCADE,
    image   BLOB NOT NULL,
    version INTEGER NOT NULL
);

-- A consent can be withdrawn (making a CV invisible again): kept, with the time.
ALTER TABLE consents ADD COLUMN withdrawn_at INTEGER;
