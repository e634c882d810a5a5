-- Herald schema, version 5 (PostgreSQL twin; operations): the row the health check writes, and indexes for deleting
-- old history.
CREATE TABLE health_probe (
    id          INTEGER PRIMARY KEY,
    checked_at  BIGINT  NOT NULL
);

CREATE INDEX outbox_sent ON outbox (status, sent_at);
CREATE INDEX items_last_listed ON items (last_listed_at);
