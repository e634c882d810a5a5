package io.herald.app;

import io.herald.store.Database;
import io.herald.store.LeaderLock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs one node of a cluster does at a time (delivery, consuming Telegram updates), each run by the holder of
 * its {@link LeaderLock}: started when this node takes the lock, stopped when it loses it (the database gone, the
 * lock's session ended) or at shutdown. On SQLite the only node holds every lock from the start.
 */
final class LeaderRoles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderRoles.class);

    /** What a role does when this node takes its lock and when it gives it up. */
    interface Role {
        void start() throws Exception;

        void stop() throws Exception;
    }

    private interface Action {
        void run() throws Exception;
    }

    private record Held(String name, LeaderLock lock) {
    }

    private final Database db;
    private final List<Held> locks = new CopyOnWriteArrayList<>();

    LeaderRoles(Database db) {
        this.db = db;
    }

    /**
     * Competes for the role's lock; {@code settle} is how long a node waits after taking the lock before it starts
     * the role on a cluster (so that what the previous holder did last is not repeated too soon, e.g. the pace of a
     * chat's messages); none on a single node.
     */
    void add(String name, Duration settle, Role role) {
        boolean clustered = db.file().isEmpty();
        LeaderLock lock = db.leaderLock(name, new LeaderLock.Listener() {
            @Override
            public void acquired() {
                if (clustered && !settle.isZero()) {
                    LOG.info("{}: this node leads it now; starting in {} ms", name, settle.toMillis());
                    try {
                        Thread.sleep(settle.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                run(name, "start", role::start);
            }

            @Override
            public void lost(String reason) {
                run(name, "stop", role::stop);
            }
        });
        locks.add(new Held(name, lock));
    }

    private static void run(String name, String what, Action action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.error("{}: cannot {} it: {}", name, what, e.toString());
        }
    }

    /** Each role and whether this node leads it ({@code leader}) or stands by ({@code standby}). */
    Map<String, String> states() {
        Map<String, String> out = new LinkedHashMap<>();
        locks.forEach(h -> out.put(h.name(), h.lock().held() ? "leader" : "standby"));
        return out;
    }

    /** Releases one role's lock (stopping the role first if this node holds it). */
    void release(String name) {
        locks.stream().filter(h -> h.name().equals(name)).forEach(h -> h.lock().close());
    }

    @Override
    public void close() {
        locks.forEach(h -> h.lock().close());
    }
}
