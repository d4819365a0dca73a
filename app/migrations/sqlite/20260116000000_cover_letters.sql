-- Cover letters (lettere di presentazione), written from a CV and perhaps
-- for an offer; an application may carry a copy of one.

CREATE TABLE cover_letters (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The offer it answers, while it exists.
    offer_id   INTEGER REFERENCES offers (id) ON DELETE SET NULL,
    language   TEXT NOT NULL CHECK (language IN ('it', 'en')),
    -- The whole letter as JSON (`cv::letter::domain::LetterDocument`).
    document   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX cover_letters_by_owner ON cover_letters (owner_id, updated_at);

-- The letter as it was sent with the application, with its language.
ALTER TABLE applications ADD COLUMN letter_document TEXT;
ALTER TABLE applications ADD COLUMN letter_language TEXT CHECK (letter_language IN ('it', 'en'));
