package io.herald.store;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@link SubscriptionStore} on JDBC. */
public final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String COLUMNS = "id, destination, query, route_id, feeds";
    /** Rows fetched per round trip when streaming every active subscription. */
    private static final int STREAM_ROWS = 2000;
    /** Ids per {@code IN (...)} list. */
    private static final int IDS_PER_QUERY = 500;

    private final Database db;
    private final Clock clock;

    public JdbcSubscriptionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Subscription> add(Destination destination, String query, String createdBy) {
        return db.inTransaction("add a subscription for " + destination, c -> {
            List<Long> existing = Jdbc.query(c,
                    "SELECT id FROM subscriptions WHERE destination = ? AND query = ? AND route_id IS NULL",
                    rs -> rs.getLong(1), destination.toString(), query);
            if (!existing.isEmpty()) {
                return Optional.empty();
            }
            // the same /subscribe arriving twice at once (two nodes, or a double tap): the second one is "already"
            List<Long> added = Jdbc.query(c, "INSERT INTO subscriptions (destination, query, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (destination, query) WHERE route_id IS NULL DO NOTHING"
                    + " RETURNING id", rs -> rs.getLong(1), destination.toString(), query, createdBy, clock.millis());
            return added.stream().findFirst()
                    .map(id -> new Subscription(id, destination, query, Optional.empty(), Set.of()));
        });
    }

    @Override
    public Optional<Subscription> find(long id) {
        return db.withConnection("find subscription " + id, c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", JdbcSubscriptionStore::map, id))
                .stream().findFirst();
    }

    @Override
    public boolean isPaused(long id) {
        return db.withConnection("read subscription " + id, c -> Jdbc.query(c,
                "SELECT paused FROM subscriptions WHERE id = ?", rs -> rs.getInt(1) != 0, id)).stream()
                .findFirst().orElse(false);
    }

    @Override
    public boolean restore(Subscription s, String createdBy) {
        return db.inTransaction("restore subscription " + s.id(), c -> Jdbc.update(c,
                "INSERT INTO subscriptions (id, destination, query, feeds, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", s.id(), s.destination().toString(),
                s.query(), joinFeeds(s.feeds()), createdBy, clock.millis()) > 0);
    }

    @Override
    public List<Subscription> ownedBy(Destination destination) {
        return db.withConnection("list subscriptions of " + destination, c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE destination = ? AND route_id IS NULL ORDER BY id",
                JdbcSubscriptionStore::map, destination.toString()));
    }

    @Override
    public boolean remove(long id) {
        return db.inTransaction("remove subscription " + id,
                c -> Jdbc.update(c, "DELETE FROM subscriptions WHERE id = ?", id) > 0);
    }

    @Override
    public List<Subscription> active() {
        return db.withConnection("list active subscriptions", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE paused = 0 ORDER BY id", JdbcSubscriptionStore::map));
    }

    @Override
    public void replaceRoutes(List<Subscription> routes) {
        db.inTransaction("store config routes", c -> {
            Map<String, Long> stored = new HashMap<>();
            for (Subscription s : Jdbc.query(c, "SELECT " + COLUMNS + " FROM subscriptions WHERE route_id IS NOT NULL",
                    JdbcSubscriptionStore::map)) {
                stored.put(routeKey(s), s.id());
            }
            for (Subscription route : routes) {
                Long id = stored.remove(routeKey(route));
                if (id == null) {
                    Jdbc.update(c, "INSERT INTO subscriptions (destination, query, route_id, feeds, created_by,"
                                    + " created_at, paused) VALUES (?, ?, ?, ?, 'config', ?, CASE WHEN EXISTS (SELECT 1"
                                    + " FROM route_mutes m WHERE m.route_id = ? AND m.destination = ?) THEN 1 ELSE 0"
                                    + " END) ON CONFLICT DO NOTHING", route.destination().toString(), route.query(),
                            route.routeId().orElseThrow(), joinFeeds(route.feeds()), clock.millis(),
                            route.routeId().orElseThrow(), route.destination().toString());
                } else {
                    Jdbc.update(c, "UPDATE subscriptions SET query = ?, feeds = ? WHERE id = ?",
                            route.query(), joinFeeds(route.feeds()), id);
                }
            }
            for (long gone : stored.values()) {
                Jdbc.update(c, "DELETE FROM subscriptions WHERE id = ?", gone);
            }
            return null;
        });
    }

    @Override
    public boolean setPaused(long id, boolean paused) {
        return db.inTransaction("pause subscription " + id, c -> Jdbc.update(c,
                "UPDATE subscriptions SET paused = ? WHERE id = ? AND paused <> ?",
                paused ? 1 : 0, id, paused ? 1 : 0)) > 0;
    }

    @Override
    public boolean setRouteMuted(long id, boolean muted, String by) {
        return db.inTransaction((muted ? "mute" : "unmute") + " route subscription " + id, c -> {
            List<Subscription> found = Jdbc.query(c, "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?"
                    + " AND route_id IS NOT NULL", JdbcSubscriptionStore::map, id);
            if (found.isEmpty()) {
                return false;
            }
            String route = found.get(0).routeId().orElseThrow();
            String destination = found.get(0).destination().toString();
            if (muted) {
                Jdbc.update(c, "INSERT INTO route_mutes (route_id, destination, muted_by, muted_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", route, destination, by, clock.millis());
            } else {
                Jdbc.update(c, "DELETE FROM route_mutes WHERE route_id = ? AND destination = ?", route, destination);
            }
            Jdbc.update(c, "UPDATE subscriptions SET paused = ? WHERE id = ?", muted ? 1 : 0, id);
            return true;
        });
    }

    @Override
    public int setPaused(Destination destination, boolean paused) {
        return db.inTransaction("pause subscriptions of " + destination, c -> Jdbc.update(c,
                "UPDATE subscriptions SET paused = ? WHERE destination = ? AND paused <> ?" + (paused ? ""
                        : " AND NOT EXISTS (SELECT 1 FROM route_mutes m WHERE m.route_id = subscriptions.route_id"
                        + " AND m.destination = subscriptions.destination)"),
                paused ? 1 : 0, destination.toString(), paused ? 1 : 0));
    }

    @Override
    public List<Subscription> allFor(Destination destination) {
        return db.withConnection("list all subscriptions of " + destination, c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE destination = ? ORDER BY id",
                JdbcSubscriptionStore::map, destination.toString()));
    }

    @Override
    public int moveDestination(Destination from, Destination to) {
        return db.inTransaction("move subscriptions from " + from + " to " + to, c -> {
            int moved = Jdbc.update(c, "UPDATE subscriptions SET destination = ? WHERE destination = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM subscriptions t WHERE t.destination = ? AND (t.route_id = subscriptions.route_id"
                    + " OR (t.route_id IS NULL AND subscriptions.route_id IS NULL AND t.query = subscriptions.query)))",
                    to.toString(), from.toString(), to.toString());
            Jdbc.update(c, "DELETE FROM subscriptions WHERE destination = ?", from.toString());
            // an admin's route mutes follow the chat, so that the route stays muted once the config names the new id
            Jdbc.update(c, "UPDATE route_mutes SET destination = ? WHERE destination = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM route_mutes t WHERE t.destination = ? AND t.route_id = route_mutes.route_id)",
                    to.toString(), from.toString(), to.toString());
            Jdbc.update(c, "DELETE FROM route_mutes WHERE destination = ?", from.toString());
            return moved;
        });
    }

    @Override
    public long forEachActive(Consumer<Indexed> each) {
        boolean cursor = db.dialect() == Dialect.POSTGRESQL;
        return db.withConnection("read the active subscriptions", c -> {
            long position = lastChange(c);
            // PostgreSQL streams rows through a cursor only inside a transaction; SQLite streams an auto-commit read
            // without holding off writers (WAL).
            c.setAutoCommit(!cursor);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, query, feeds FROM subscriptions WHERE paused = 0 ORDER BY id")) {
                ps.setFetchSize(STREAM_ROWS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Indexed(rs.getLong(1), rs.getString(2), splitFeeds(rs.getString(3))));
                    }
                }
            } finally {
                if (cursor) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            return position;
        });
    }

    private static long lastChange(Connection c) throws SQLException {
        List<Long> last = Jdbc.query(c, "SELECT MAX(seq) FROM subscription_changes", rs -> rs.getLong(1));
        return last.isEmpty() ? 0 : last.get(0);
    }

    @Override
    public Changes changesSince(long position, int max) {
        return db.withConnection("read the subscription changes", c -> {
            List<long[]> rows = Jdbc.query(c, "SELECT seq, subscription_id FROM subscription_changes WHERE seq > ?"
                    + " ORDER BY seq LIMIT ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, position, max + 1);
            // The floor is read after the changes: rows deleted before that read moved the floor in the same
            // transaction, so a gap is always seen.
            long floor = Jdbc.query(c, "SELECT upto FROM subscription_changes_floor WHERE id = 1",
                    rs -> rs.getLong(1)).stream().findFirst().orElse(0L);
            if (floor > position) {
                return new Changes(List.of(), Math.max(floor, lastSeq(rows, rows.size(), position)), false, true);
            }
            boolean more = rows.size() > max;
            int n = Math.min(rows.size(), max);
            LinkedHashSet<Long> ids = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                ids.add(rows.get(i)[1]);
            }
            return new Changes(List.copyOf(ids), lastSeq(rows, n, position), more, false);
        });
    }

    private static long lastSeq(List<long[]> rows, int n, long otherwise) {
        return n == 0 ? otherwise : rows.get(n - 1)[0];
    }

    @Override
    public List<Indexed> indexed(Collection<Long> ids) {
        return byIds("read changed subscriptions", "SELECT id, query, feeds FROM subscriptions WHERE paused = 0 AND id IN",
                ids, rs -> new Indexed(rs.getLong(1), rs.getString(2), splitFeeds(rs.getString(3))));
    }

    @Override
    public List<Subscription> active(Collection<Long> ids) {
        List<Subscription> out = byIds("read matched subscriptions", "SELECT " + COLUMNS
                + " FROM subscriptions WHERE paused = 0 AND id IN", ids, JdbcSubscriptionStore::map);
        out.sort(java.util.Comparator.comparingLong(Subscription::id));
        return out;
    }

    private <T> List<T> byIds(String what, String sql, Collection<Long> ids, Jdbc.RowMapper<T> mapper) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> all = new ArrayList<>(ids);
        return db.withConnection(what, c -> {
            List<T> out = new ArrayList<>(all.size());
            for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
                List<Long> part = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                out.addAll(Jdbc.query(c, sql + " (" + marks + ")", mapper, part.toArray()));
            }
            return out;
        });
    }

    @Override
    public int deleteChangesBefore(long before, int max) {
        return deleteChangesBefore(db, before, max);
    }

    static int deleteChangesBefore(Database db, long before, int max) {
        return db.inTransaction("delete old subscription changes", c -> {
            List<Long> seqs = Jdbc.query(c, "SELECT seq FROM subscription_changes WHERE changed_at < ? ORDER BY seq"
                    + " LIMIT ?", rs -> rs.getLong(1), before, max);
            if (seqs.isEmpty()) {
                return 0;
            }
            long upto = seqs.get(seqs.size() - 1);
            int deleted = Jdbc.update(c, "DELETE FROM subscription_changes WHERE seq <= ?", upto);
            Jdbc.update(c, "INSERT INTO subscription_changes_floor (id, upto) VALUES (1, ?) ON CONFLICT (id)"
                    + " DO UPDATE SET upto = excluded.upto WHERE subscription_changes_floor.upto < excluded.upto", upto);
            return deleted;
        });
    }

    private static String routeKey(Subscription s) {
        return s.routeId().orElse("") + "\u0000" + s.destination();
    }

    private static String joinFeeds(Set<String> feeds) {
        return String.join(",", new TreeSet<>(feeds));
    }

    private static Set<String> splitFeeds(String feeds) {
        return feeds == null || feeds.isEmpty() ? Set.of()
                : Arrays.stream(feeds.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        return new Subscription(rs.getLong("id"), Destination.parse(rs.getString("destination")),
                rs.getString("query"), Optional.ofNullable(rs.getString("route_id")), splitFeeds(rs.getString("feeds")));
    }

}
