-- Herald schema, version 1. Times are epoch milliseconds (UTC).
CREATE TABLE feeds (
    id                  TEXT    PRIMARY KEY,
    url                 TEXT    NOT NULL,
    etag                TEXT,
    last_modified       TEXT,
    initialized         INTEGER NOT NULL DEFAULT 0,
    last_success_at     BIGINT,
    last_error          TEXT,
    last_error_at       BIGINT,
    consecutive_errors  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE items (
    feed_id        TEXT   NOT NULL,
    item_key       TEXT   NOT NULL,
    link           TEXT   NOT NULL,
    title          TEXT   NOT NULL,
    first_seen_at  BIGINT NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);

CREATE TABLE subscriptions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    destination  TEXT    NOT NULL,
    query        TEXT    NOT NULL,
    route_id     TEXT,
    feeds        TEXT    NOT NULL DEFAULT '',
    created_by   TEXT    NOT NULL DEFAULT '',
    created_at   BIGINT  NOT NULL,
    paused       INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX subscriptions_route ON subscriptions (route_id, destination) WHERE route_id IS NOT NULL;
CREATE UNIQUE INDEX subscriptions_user ON subscriptions (destination, query) WHERE route_id IS NULL;

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id          TEXT    NOT NULL,
    item_key         TEXT    NOT NULL,
    subscription_id  BIGINT  NOT NULL,
    destination      TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'pending',
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    last_error       TEXT,
    created_at       BIGINT  NOT NULL,
    sent_at          BIGINT,
    UNIQUE (feed_id, item_key, subscription_id, destination)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
