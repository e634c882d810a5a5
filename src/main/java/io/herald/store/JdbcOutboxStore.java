package io.herald.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link OutboxStore} on JDBC. */
public final class JdbcOutboxStore implements OutboxStore {
    private static final String COLUMNS = "id, subscription_id, payload, status, attempts, last_error";

    private final Database db;
    private final Clock clock;
    private final AlertCodec codec = new AlertCodec();

    public JdbcOutboxStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return db.withConnection("read due alerts", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                this::map, now.toEpochMilli(), limit));
    }

    @Override
    public Optional<Instant> nextDue() {
        return db.withConnection("read the next due alert", c -> Jdbc.query(c,
                "SELECT MIN(next_attempt_at) AS next_at FROM outbox WHERE status = 'pending'",
                rs -> Jdbc.nullableLong(rs, "next_at")).stream()
                .filter(java.util.Objects::nonNull).findFirst().map(Instant::ofEpochMilli));
    }

    @Override
    public void markSent(long id) {
        db.inTransaction("mark alert " + id + " sent", c -> Jdbc.update(c,
                "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                clock.millis(), id));
    }

    @Override
    public void retryAt(long id, Instant when, String error, boolean countAttempt) {
        db.inTransaction("reschedule alert " + id, c -> Jdbc.update(c,
                "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ?",
                when.toEpochMilli(), error, countAttempt ? 1 : 0, id));
    }

    @Override
    public void markFailed(long id, String reason) {
        db.inTransaction("mark alert " + id + " failed", c -> Jdbc.update(c,
                "UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1 WHERE id = ?",
                reason, id));
    }

    @Override
    public List<OutboxEntry> recent(OutboxEntry.Status status, int limit) {
        return db.withConnection("list " + status + " alerts", c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?", this::map,
                status.name().toLowerCase(Locale.ROOT), limit));
    }

    @Override
    public Map<OutboxEntry.Status, Integer> counts() {
        Map<OutboxEntry.Status, Integer> counts = new EnumMap<>(OutboxEntry.Status.class);
        for (OutboxEntry.Status s : OutboxEntry.Status.values()) {
            counts.put(s, 0);
        }
        db.withConnection("count alerts", c -> Jdbc.query(c, "SELECT status, COUNT(*) FROM outbox GROUP BY status",
                rs -> counts.put(OutboxEntry.Status.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getInt(2))));
        return counts;
    }

    private OutboxEntry map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new OutboxEntry(id, rs.getLong("subscription_id"), codec.decode(id, rs.getString("payload")),
                OutboxEntry.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")));
    }
}
