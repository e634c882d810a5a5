-- Herald schema, version 7 (PostgreSQL twin; admin): feeds added from chat or by OPML import. Feeds of the config file are not kept
-- here; they stay owned by the file. Times are epoch milliseconds (UTC).
CREATE TABLE chat_feeds (
    id           TEXT    PRIMARY KEY,
    url          TEXT    NOT NULL,
    interval_ms  BIGINT  NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    added_by     TEXT    NOT NULL DEFAULT '',
    added_at     BIGINT  NOT NULL
);
CREATE UNIQUE INDEX chat_feeds_url ON chat_feeds (url);
