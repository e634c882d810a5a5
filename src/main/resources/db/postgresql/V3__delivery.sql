-- Herald schema, version 3 (PostgreSQL twin; delivery): per-chat delivery settings and an index for per-destination queues.
CREATE TABLE chat_settings (
    destination   TEXT    PRIMARY KEY,
    digest_mode   TEXT    NOT NULL DEFAULT 'off',
    digest_time   TEXT,
    timezone      TEXT    NOT NULL DEFAULT 'UTC',
    updated_at    BIGINT  NOT NULL
);

CREATE INDEX outbox_pending_by_destination ON outbox (status, destination, id);
