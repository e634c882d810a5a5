-- Herald schema, version 11 (one alert per story and destination, enforced): a destination gets at most one outbox
-- row per canonical link. Until now a check before the insert kept to that, which two nodes polling two feeds with
-- the same story at the same moment could both pass. Rows that already break the rule keep their history but lose
-- their link key (only the oldest keeps it).
UPDATE outbox SET link_key = NULL WHERE link_key IS NOT NULL AND id NOT IN
    (SELECT MIN(id) FROM outbox WHERE link_key IS NOT NULL GROUP BY destination, link_key);
DROP INDEX outbox_link_key;
CREATE UNIQUE INDEX outbox_link_key ON outbox (destination, link_key) WHERE link_key IS NOT NULL;
