-- Herald schema, version 6 (bounded work per feed): a feed that lists more new items per poll, or queues more
-- pending alerts, than the limits allow is flagged (since when, why, told to the admins once) and the items and
-- alerts left out are counted.
ALTER TABLE feeds ADD COLUMN flooded_at INTEGER;
ALTER TABLE feeds ADD COLUMN flood_reason TEXT;
ALTER TABLE feeds ADD COLUMN skipped_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN skipped_alerts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_pending_by_feed ON outbox (status, feed_id, id);
