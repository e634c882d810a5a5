-- Herald schema, version 4: the subscription change log. Every insert, delete, and update of a subscription's query,
-- feeds or paused flag adds a row (by trigger, so no write path can forget it); each node's matcher reads the rows
-- after the last one it applied and applies just those subscriptions to its index. SQLite serialises writers, so
-- seq grows in commit order.
CREATE TABLE subscription_changes (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id  BIGINT  NOT NULL,
    changed_at       BIGINT  NOT NULL
);
CREATE INDEX subscription_changes_at ON subscription_changes (changed_at);

-- The highest seq deleted as old: a reader whose last applied seq is below it reloads every subscription.
CREATE TABLE subscription_changes_floor (
    id    INTEGER PRIMARY KEY,
    upto  BIGINT  NOT NULL
);
INSERT INTO subscription_changes_floor (id, upto) VALUES (1, 0);

CREATE TRIGGER subscriptions_logged_insert AFTER INSERT ON subscriptions
BEGIN
    INSERT INTO subscription_changes (subscription_id, changed_at)
    VALUES (NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER subscriptions_logged_update AFTER UPDATE ON subscriptions
WHEN OLD.query IS NOT NEW.query OR OLD.feeds IS NOT NEW.feeds OR OLD.paused IS NOT NEW.paused OR OLD.id IS NOT NEW.id
BEGIN
    INSERT INTO subscription_changes (subscription_id, changed_at)
    VALUES (NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER subscriptions_logged_delete AFTER DELETE ON subscriptions
BEGIN
    INSERT INTO subscription_changes (subscription_id, changed_at)
    VALUES (OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
