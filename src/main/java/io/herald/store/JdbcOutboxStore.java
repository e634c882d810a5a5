package io.herald.store;

import io.herald.model.Alert;
import io.herald.model.Destination;
import java.sql.Connection;
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
    private static final String COLUMNS = "id, subscription_id, destination, payload, status, attempts, last_error,"
            + " created_at, next_attempt_at";

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
    public List<OutboxHead> dueHeads(Instant now, int limit) {
        return db.withConnection("read due destinations", c -> Jdbc.query(c,
                "SELECT o.id, o.destination, h.n, o.created_at FROM outbox o JOIN (SELECT MIN(id) AS head, COUNT(*) AS n"
                        + " FROM outbox WHERE status = 'pending' GROUP BY destination) h ON o.id = h.head"
                        + " WHERE o.next_attempt_at <= ? ORDER BY o.id LIMIT ?",
                rs -> new OutboxHead(rs.getLong(1), Destination.parse(rs.getString(2)), rs.getInt(3),
                        Instant.ofEpochMilli(rs.getLong(4))), now.toEpochMilli(), limit));
    }

    @Override
    public List<OutboxEntry> pendingFor(Destination destination, Instant createdBefore, int limit) {
        return db.withConnection("read pending alerts for " + destination, c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM outbox WHERE status = 'pending' AND destination = ? AND created_at < ? ORDER BY id LIMIT ?",
                this::map, destination.toString(), createdBefore.toEpochMilli(), limit));
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
                "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, attempt_started_at = NULL"
                        + " WHERE id = ?", clock.millis(), id));
    }

    @Override
    public void markSent(long id, String messageRef) {
        db.inTransaction("mark alert " + id + " sent", c -> Jdbc.update(c, "UPDATE outbox SET status = 'sent',"
                + " sent_at = ?, attempts = attempts + 1, message_ref = ?, attempt_started_at = NULL WHERE id = ?",
                clock.millis(), messageRef, id));
    }

    @Override
    public Optional<OutboxEntry> findSent(Destination destination, String messageRef) {
        return db.withConnection("find the alert sent as message " + messageRef + " to " + destination,
                c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE destination = ? AND message_ref = ?"
                                + " AND status = 'sent' ORDER BY id LIMIT 1", this::map, destination.toString(),
                        messageRef)).stream().findFirst();
    }

    @Override
    public void markSent(List<Long> ids) {
        db.inTransaction("mark " + ids.size() + " alerts sent", c -> {
            for (long id : ids) {
                Jdbc.update(c, "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1,"
                        + " attempt_started_at = NULL WHERE id = ?", clock.millis(), id);
            }
            return null;
        });
    }

    @Override
    public void retryAt(long id, Instant when, String error, boolean countAttempt) {
        db.inTransaction("reschedule alert " + id, c -> Jdbc.update(c,
                "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ?,"
                        + " attempt_started_at = NULL WHERE id = ?",
                when.toEpochMilli(), error, countAttempt ? 1 : 0, id));
    }

    @Override
    public void countAttempt(List<Long> ids) {
        db.inTransaction("count an attempt on " + ids.size() + " alerts", c -> {
            for (long id : ids) {
                Jdbc.update(c, "UPDATE outbox SET attempts = attempts + 1, attempt_started_at = NULL WHERE id = ?", id);
            }
            return null;
        });
    }

    @Override
    public void markFailed(long id, String reason) {
        db.inTransaction("mark alert " + id + " failed", c -> Jdbc.update(c,
                "UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1,"
                        + " attempt_started_at = NULL WHERE id = ?",
                reason, id));
    }

    @Override
    public int failPending(Destination destination, String reason) {
        return db.inTransaction("give up alerts for " + destination, c -> Jdbc.update(c,
                "UPDATE outbox SET status = 'failed', last_error = ? WHERE destination = ? AND status = 'pending'",
                reason, destination.toString()));
    }

    @Override
    public int moveDestination(Destination from, Destination to) {
        return db.inTransaction("move alerts from " + from + " to " + to, c -> {
            int moved = Jdbc.update(c, "UPDATE outbox SET destination = ?, next_attempt_at = ? WHERE destination = ?"
                    + " AND status = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox t WHERE t.destination = ?"
                    + " AND ((t.feed_id = outbox.feed_id AND t.item_key = outbox.item_key"
                    + " AND t.subscription_id = outbox.subscription_id) OR t.link_key = outbox.link_key))",
                    to.toString(), clock.millis(), from.toString(), to.toString());
            Jdbc.update(c, "DELETE FROM outbox WHERE destination = ? AND status = 'pending'", from.toString());
            return moved;
        });
    }

    @Override
    public int holdUntil(Destination destination, Instant until) {
        return db.inTransaction("hold alerts for " + destination, c -> Jdbc.update(c,
                "UPDATE outbox SET next_attempt_at = ? WHERE destination = ? AND status = 'pending'"
                        + " AND next_attempt_at < ?", until.toEpochMilli(), destination.toString(), until.toEpochMilli()));
    }

    @Override
    public int holdChat(Destination chat, Instant until) {
        return db.inTransaction("hold alerts for " + chat + " and its topics", c -> holdChat(c, chat, until));
    }

    /** Holds the pending rows of a chat and of its forum topics until at least {@code until}. */
    private static int holdChat(Connection c, Destination chat, Instant until) throws SQLException {
        return Jdbc.update(c, "UPDATE outbox SET next_attempt_at = ? WHERE (destination = ? OR destination LIKE ?)"
                + " AND status = 'pending' AND next_attempt_at < ?", until.toEpochMilli(), chat.toString(),
                chat + "/%", until.toEpochMilli());
    }

    @Override
    public List<FailureGroup> failureGroups(int limit) {
        record Row(long id, String destination, String error) {
        }
        List<Row> rows = db.withConnection("group failed alerts by reason", c -> Jdbc.query(c,
                "SELECT id, destination, last_error FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), MAX_GROUPED_ROWS));
        Map<String, List<Row>> byReason = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byReason.computeIfAbsent(reasonOf(r.error(), r.id(), r.destination()),
                k -> new java.util.ArrayList<>()).add(r));
        return byReason.entrySet().stream()
                .sorted(Map.Entry.<String, List<Row>>comparingByValue(java.util.Comparator.comparingInt(List::size))
                        .reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> {
                    Map<String, Long> perDestination = new java.util.LinkedHashMap<>();
                    e.getValue().forEach(r -> perDestination.merge(r.destination(), 1L, Long::sum));
                    List<String> destinations = perDestination.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(FailureGroup.MAX_LISTED).map(Map.Entry::getKey).toList();
                    List<Long> ids = e.getValue().stream().limit(FailureGroup.MAX_LISTED).map(Row::id).toList();
                    return new FailureGroup(e.getKey(), e.getValue().size(), destinations, ids,
                            perDestination.size());
                }).toList();
    }

    /** Failed rows looked at when grouping (the newest), so that a huge failed backlog is not read whole. */
    static final int MAX_GROUPED_ROWS = 10_000;

    /**
     * A failure text with only what is particular to its row made general: the row's own alert id ({@code alert 12}
     * becomes {@code alert #}) and its own destination ({@code telegram:-100123}, or just its address, becomes
     * {@code <destination>}). Status codes, waits and other ids stay intact.
     */
    static String reasonOf(String error, long id, String destination) {
        if (error == null) {
            return "(no reason recorded)";
        }
        String reason = error.replaceAll("(?i)\\b(alert) #?" + id + "\\b", "$1 #");
        if (!destination.isEmpty()) {
            reason = reason.replace(destination, "<destination>");
            int colon = destination.indexOf(':');
            String address = colon < 0 ? "" : destination.substring(colon + 1);
            if (!address.isEmpty()) {
                reason = reason.replaceAll("(?<![\\w-])" + java.util.regex.Pattern.quote(address) + "(?![\\w-])",
                        "<destination>");
            }
        }
        return reason;
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
        Alert stored = codec.decode(id, rs.getString("payload"));
        Alert alert = stored.withDestination(Destination.parse(rs.getString("destination")));
        return new OutboxEntry(id, rs.getLong("subscription_id"), alert,
                OutboxEntry.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")));
    }

    @Override
    public void markAttempt(long id, Instant startedAt) {
        db.inTransaction("note a send of alert " + id, c -> Jdbc.update(c,
                "UPDATE outbox SET attempt_started_at = ? WHERE id = ?", startedAt.toEpochMilli(), id));
    }

    @Override
    public Map<Destination, Instant> holdInterruptedAttempts(java.time.Duration hold, Instant now) {
        return db.inTransaction("hold destinations whose send was interrupted", c -> {
            record Mark(String destination, long startedAt) {
            }
            List<Mark> marks = Jdbc.query(c, "SELECT destination, MAX(attempt_started_at) FROM outbox"
                    + " WHERE status = 'pending' AND attempt_started_at IS NOT NULL GROUP BY destination",
                    rs -> new Mark(rs.getString(1), rs.getLong(2)));
            Map<Destination, Instant> held = new java.util.LinkedHashMap<>();
            for (Mark mark : marks) {
                Instant until = Instant.ofEpochMilli(mark.startedAt()).plus(hold);
                if (until.isAfter(now)) {
                    // the platform's window is the chat's: a forum's other topics wait too
                    holdChat(c, Destination.parse(mark.destination()).chat(), until);
                    held.put(Destination.parse(mark.destination()), until);
                }
                Jdbc.update(c, "UPDATE outbox SET attempt_started_at = NULL WHERE destination = ?"
                        + " AND attempt_started_at IS NOT NULL", mark.destination());
            }
            return held;
        });
    }
}
