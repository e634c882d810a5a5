-- Herald schema, version 8 (PostgreSQL twin; chat transports): the platform's id of each alert message sent (Telegram message_id,
-- Slack ts), so that its buttons can change in place and a press can be checked against what was sent; and a chat's
-- choice of link preview.
ALTER TABLE outbox ADD COLUMN message_ref TEXT;
CREATE INDEX outbox_message_ref ON outbox (destination, message_ref);
ALTER TABLE chat_settings ADD COLUMN link_preview TEXT;
