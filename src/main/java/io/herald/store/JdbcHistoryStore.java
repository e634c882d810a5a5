package io.herald.store;

import java.time.Instant;

/** {@link HistoryStore} on JDBC; each call is one short transaction on a bounded batch. */
public final class JdbcHistoryStore implements HistoryStore {
    private final Database db;

    public JdbcHistoryStore(Database db) {
        this.db = db;
    }

    @Override
    public int deleteSentAlertsBefore(Instant cutoff, int limit) {
        return db.inTransaction("delete sent alerts older than " + cutoff, c -> Jdbc.update(c,
                "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status = 'sent' AND sent_at < ?"
                        + " LIMIT ?)", cutoff.toEpochMilli(), limit));
    }

    @Override
    public int deleteItemsNotListedSince(Instant cutoff, int limit) {
        long ms = cutoff.toEpochMilli();
        return db.inTransaction("delete items not listed since " + cutoff, c -> Jdbc.update(c,
                "DELETE FROM items WHERE (feed_id, item_key) IN (SELECT feed_id, item_key FROM items"
                        + " WHERE last_listed_at < ? OR (last_listed_at IS NULL AND first_seen_at < ?) LIMIT ?)",
                ms, ms, limit));
    }

    @Override
    public int deleteSubscriptionChangesBefore(Instant cutoff, int limit) {
        return JdbcSubscriptionStore.deleteChangesBefore(db, cutoff.toEpochMilli(), limit);
    }
}
