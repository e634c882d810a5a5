package io.herald.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a cluster at a time does a job (e.g. consuming chat updates): whoever holds a PostgreSQL advisory
 * lock. The lock is session-level on a connection of its own (not from the pool, which may recycle connections), so
 * PostgreSQL releases it the moment that session ends: when the node closes it, when its process dies (the
 * operating system closes the socket), or when the server's TCP keepalives find the node's host gone.
 *
 * <p>A background thread tries to take the lock every {@link Timing#checkEvery} while it does not hold it, and
 * while it does, checks every {@link Timing#checkEvery} that its session still holds it. If a check cannot be
 * answered within {@link Timing#statementTimeout}, the holder says it lost the lock before the server can give it
 * to anyone else (the server waits for its keepalives, {@link Timing#serverKeepalive} and more, before ending the
 * session). Do not put a transaction-pooling proxy (pgbouncer in transaction mode) between Herald and PostgreSQL:
 * session locks need a real session.
 */
public final class LeaderLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderLock.class);
    /** The first half of every Herald advisory lock key; the second is the CRC-32 of the lock's name. */
    static final int KEY_SPACE = 0x48524c44;

    /**
     * Told when this node becomes the holder, and when it stops being it. Called on the lock's own thread (on SQLite,
     * where the only node holds it from the start, on the caller's).
     */
    public interface Listener {
        void acquired();

        void lost(String reason);
    }

    /**
     * @param checkEvery       how often the holder checks its lock and a standby tries to take it
     * @param statementTimeout how long a check may take before the holder gives the lock up
     * @param serverKeepalive  how long the server waits on a silent session before its keepalive probes (idle time;
     *                         then 3 probes 5 s apart end the session)
     */
    public record Timing(Duration checkEvery, Duration statementTimeout, Duration serverKeepalive) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private final String name;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean held;
    private volatile boolean running = true;

    /** A lock competed for by {@code session}'s thread, or (without a session) held from the start. */
    private LeaderLock(String name, Listener listener, AdvisorySession session, Timing timing) {
        this.name = name;
        this.listener = listener;
        this.thread = session == null ? null : new Thread(() -> run(session, timing), "herald-leader-" + name);
    }

    /** The lock on a single-node database (SQLite): held from the start, until closed. */
    static LeaderLock single(String name, Listener listener) {
        LeaderLock lock = new LeaderLock(name, listener, null, null);
        lock.held = true;
        lock.tell(true, "");
        return lock;
    }

    /** Competes for the advisory lock {@code name} on {@code target} from a background thread. */
    static LeaderLock advisory(PostgresTarget target, String name, Timing timing, Listener listener) {
        LeaderLock lock = new LeaderLock(name, listener, new AdvisorySession(target, key(name), timing), timing);
        lock.thread.setDaemon(true);
        lock.thread.start();
        return lock;
    }

    /** The second half of the lock key for {@code name}. */
    static int key(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0x7fffffff);
    }

    /** Whether this node holds the lock now (as of its last check). */
    public boolean held() {
        return held;
    }

    private void run(AdvisorySession session, Timing timing) {
        String lastProblem = null;
        try {
            while (running) {
                try {
                    boolean holds = held ? session.stillHeld() : session.tryAcquire();
                    if (holds != held) {
                        held = holds;
                        tell(holds, "the database no longer lists this node's lock");
                    }
                    lastProblem = null;
                } catch (SQLException e) {
                    session.close();
                    if (held) {
                        held = false;
                        tell(false, "lost the database connection: " + e.getMessage());
                    } else if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                        LOG.warn("leader lock {}: cannot reach the database to compete for it: {}", name, e.getMessage());
                    }
                    lastProblem = String.valueOf(e.getMessage());
                }
                sleep(timing.checkEvery());
            }
        } finally {
            session.close();
            if (held) {
                held = false;
                tell(false, "released at shutdown");
            }
        }
    }

    private void tell(boolean acquired, String reason) {
        try {
            if (acquired) {
                LOG.info("leader lock {}: this node holds it now", name);
                listener.acquired();
            } else {
                if (running) {
                    LOG.warn("leader lock {}: this node no longer holds it ({})", name, reason);
                } else {
                    LOG.info("leader lock {}: released ({})", name, reason);
                }
                listener.lost(reason);
            }
        } catch (RuntimeException e) {
            LOG.error("leader lock {}: the listener failed: {}", name, e.toString());
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops competing; a held lock is released (its session closed) and the listener told. */
    @Override
    public void close() {
        running = false;
        if (thread == null) {
            if (held) {
                held = false;
                tell(false, "released at shutdown");
            }
            return;
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dedicated connection that holds (or tries for) the lock. */
    private static final class AdvisorySession {
        private final PostgresTarget target;
        private final int key;
        private final Timing timing;
        private Connection connection;

        AdvisorySession(PostgresTarget target, int key, Timing timing) {
            this.target = target;
            this.key = key;
            this.timing = timing;
        }

        boolean tryAcquire() throws SQLException {
            return Jdbc.query(connection(), "SELECT pg_try_advisory_lock(?, ?)", rs -> rs.getBoolean(1),
                    KEY_SPACE, key).get(0);
        }

        boolean stillHeld() throws SQLException {
            return Jdbc.queryInt(connection(), "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid = pg_backend_pid() AND classid = ? AND objid = ? AND objsubid = 2 AND granted",
                    KEY_SPACE, key) == 1;
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                int seconds = (int) Math.max(1, timing.statementTimeout().toSeconds());
                Properties props = target.driverProperties(seconds);
                long idle = Math.max(1, timing.serverKeepalive().toSeconds());
                props.setProperty("options", "-c tcp_keepalives_idle=" + idle
                        + " -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3");
                props.setProperty("ApplicationName", "herald-leader-lock");
                connection = DriverManager.getConnection(target.url(), props);
            }
            return connection;
        }

        void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("leader lock: closing its connection failed", e);
                }
                connection = null;
            }
        }
    }
}
