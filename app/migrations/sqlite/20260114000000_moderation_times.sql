-- When an offer was sent for review and when staff decided on it: the
-- dashboard reports the median wait between the two.
ALTER TABLE offers ADD COLUMN submitted_at INTEGER;
ALTER TABLE offers ADD COLUMN decided_at INTEGER;
