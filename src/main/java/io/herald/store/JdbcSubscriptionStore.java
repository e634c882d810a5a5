package io.herald.store;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link SubscriptionStore} on JDBC. */
public final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String COLUMNS = "id, destination, query, route_id, feeds";

    private final Database db;
    private final Clock clock;


    /** How stale the shared change counter may be: how long another node's change may take to reach matching. */
    static final java.time.Duration SHARED_VERSION_TTL = java.time.Duration.ofMillis(500);
    private final java.util.concurrent.atomic.AtomicLong local = new java.util.concurrent.atomic.AtomicLong();
    private volatile long shared;
    private volatile long sharedReadAt = System.nanoTime() - SHARED_VERSION_TTL.toNanos() - 1;

    public JdbcSubscriptionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Subscription> add(Destination destination, String query, String createdBy) {
        return write("add a subscription for " + destination, c -> {
            List<Long> existing = Jdbc.query(c,
                    "SELECT id FROM subscriptions WHERE destination = ? AND query = ? AND route_id IS NULL",
                    rs -> rs.getLong(1), destination.toString(), query);
            if (!existing.isEmpty()) {
                return Optional.empty();
            }
            long id = Jdbc.insert(c, "INSERT INTO subscriptions (destination, query, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?)", destination.toString(), query, createdBy, clock.millis());
            return Optional.of(new Subscription(id, destination, query, Optional.empty(), Set.of()));
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
        return write("restore subscription " + s.id(), c -> Jdbc.update(c,
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
        return write("remove subscription " + id,
                c -> Jdbc.update(c, "DELETE FROM subscriptions WHERE id = ?", id) > 0);
    }

    @Override
    public List<Subscription> active() {
        return db.withConnection("list active subscriptions", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE paused = 0 ORDER BY id", JdbcSubscriptionStore::map));
    }

    @Override
    public void replaceRoutes(List<Subscription> routes) {
        write("store config routes", c -> {
            Map<String, Long> stored = new HashMap<>();
            for (Subscription s : Jdbc.query(c, "SELECT " + COLUMNS + " FROM subscriptions WHERE route_id IS NOT NULL",
                    JdbcSubscriptionStore::map)) {
                stored.put(routeKey(s), s.id());
            }
            for (Subscription route : routes) {
                Long id = stored.remove(routeKey(route));
                if (id == null) {
                    Jdbc.update(c, "INSERT INTO subscriptions (destination, query, route_id, feeds, created_by, created_at)"
                                    + " VALUES (?, ?, ?, ?, 'config', ?) ON CONFLICT DO NOTHING", route.destination().toString(), route.query(),
                            route.routeId().orElseThrow(), joinFeeds(route.feeds()), clock.millis());
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
        return write("pause subscription " + id, c -> Jdbc.update(c,
                "UPDATE subscriptions SET paused = ? WHERE id = ? AND paused <> ?",
                paused ? 1 : 0, id, paused ? 1 : 0)) > 0;
    }

    @Override
    public int setPaused(Destination destination, boolean paused) {
        return write("pause subscriptions of " + destination, c -> Jdbc.update(c,
                "UPDATE subscriptions SET paused = ? WHERE destination = ? AND paused <> ?",
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
        return write("move subscriptions from " + from + " to " + to, c -> {
            int moved = Jdbc.update(c, "UPDATE subscriptions SET destination = ? WHERE destination = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM subscriptions t WHERE t.destination = ? AND (t.route_id = subscriptions.route_id"
                    + " OR (t.route_id IS NULL AND subscriptions.route_id IS NULL AND t.query = subscriptions.query)))",
                    to.toString(), from.toString(), to.toString());
            Jdbc.update(c, "DELETE FROM subscriptions WHERE destination = ?", from.toString());
            return moved;
        });
    }

    /**
     * Changes whenever the subscriptions change, on this node or another one of a cluster: this node's own writes
     * counted at once, plus the counter in the database (bumped in the same transaction as every write) read at
     * most every {@link #SHARED_VERSION_TTL}. Both only grow, so their sum changes whenever either does.
     */
    @Override
    public long version() {
        long now = System.nanoTime();
        if (now - sharedReadAt > SHARED_VERSION_TTL.toNanos()) {
            shared = db.withConnection("read the subscriptions' version", c -> Jdbc.query(c,
                    "SELECT version FROM subscription_version WHERE id = 1", rs -> rs.getLong(1)).stream()
                    .findFirst().orElse(0L));
            sharedReadAt = now;
        }
        return local.get() + shared;
    }

    /** Runs a write in a transaction that also bumps the shared change counter, so that readers know to refresh. */
    private <T> T write(String what, Database.SqlWork<T> work) {
        T result = db.inTransaction(what, c -> {
            T r = work.run(c);
            Jdbc.update(c, "INSERT INTO subscription_version (id, version) VALUES (1, 1)"
                    + " ON CONFLICT (id) DO UPDATE SET version = subscription_version.version + 1");
            return r;
        });
        local.incrementAndGet();
        return result;
    }

    private static String routeKey(Subscription s) {
        return s.routeId().orElse("") + "\u0000" + s.destination();
    }

    private static String joinFeeds(Set<String> feeds) {
        return String.join(",", new TreeSet<>(feeds));
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        String feeds = rs.getString("feeds");
        Set<String> feedSet = feeds == null || feeds.isEmpty() ? Set.of()
                : Arrays.stream(feeds.split(",")).collect(Collectors.toSet());
        return new Subscription(rs.getLong("id"), Destination.parse(rs.getString("destination")),
                rs.getString("query"), Optional.ofNullable(rs.getString("route_id")), feedSet);
    }

}
