-- Herald schema, version 9 (chat users): team routes a Herald admin muted for one destination (kept across config
-- reloads and route changes until /resume), and the text of the most recent stories, so that /test can show which
-- of them a query would have matched (bounded to the newest few hundred, pruned with the items).
CREATE TABLE route_mutes (
    route_id     TEXT    NOT NULL,
    destination  TEXT    NOT NULL,
    muted_by     TEXT    NOT NULL DEFAULT '',
    muted_at     BIGINT  NOT NULL,
    PRIMARY KEY (route_id, destination)
);

CREATE TABLE recent_stories (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id   TEXT    NOT NULL,
    item_key  TEXT    NOT NULL,
    title     TEXT    NOT NULL,
    body      TEXT    NOT NULL,
    link      TEXT    NOT NULL,
    seen_at   BIGINT  NOT NULL,
    UNIQUE (feed_id, item_key)
);
