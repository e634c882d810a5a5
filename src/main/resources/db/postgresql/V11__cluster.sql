-- Herald schema, version 11 (PostgreSQL twin; cluster): a change counter for subscriptions, bumped with every write, so that every
-- node of a cluster sees the others' changes.
CREATE TABLE subscription_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO subscription_version (id, version) VALUES (1, 0);
