-- Herald schema, version 2 (PostgreSQL twin; feed ingestion): polling schedule and health, permanent redirects, canonical-link keys.
ALTER TABLE feeds ADD COLUMN next_poll_at BIGINT;
ALTER TABLE feeds ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN paused_reason TEXT;
ALTER TABLE feeds ADD COLUMN poll_url TEXT;
ALTER TABLE items ADD COLUMN link_key TEXT;
ALTER TABLE items ADD COLUMN last_listed_at BIGINT;
CREATE INDEX items_link_key ON items (feed_id, link_key);
CREATE INDEX items_listed ON items (feed_id, last_listed_at);
ALTER TABLE outbox ADD COLUMN link_key TEXT;
CREATE INDEX outbox_link_key ON outbox (destination, link_key);
