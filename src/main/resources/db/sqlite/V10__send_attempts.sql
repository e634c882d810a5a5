-- Herald schema, version 10 (send attempts): the start time of a send under way on an outbox row, cleared when its
-- outcome is recorded. A row still carrying one at start belongs to a process that died mid-send (perhaps after the
-- platform answered 429 with a retry_after that was never written down), so its destination is held for a while.
ALTER TABLE outbox ADD COLUMN attempt_started_at BIGINT;
