-- No live secrets at rest, and data kept no longer than needed.
-- Mail carrying a single-use link expires with it; what was sent is kept
-- without its text (a copied reset link must not work from a backup).
ALTER TABLE outbox ADD COLUMN expires_at BIGINT;
UPDATE outbox SET body = '', attachment = NULL WHERE sent_at IS NOT NULL;

-- Calendar feed addresses are stored as SHA-256, like every other secret:
-- existing plain ones cannot be hashed here, so people create a new address.
DELETE FROM calendar_feeds;
ALTER TABLE calendar_feeds RENAME COLUMN token TO token_hash;
ALTER TABLE calendar_feeds ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
