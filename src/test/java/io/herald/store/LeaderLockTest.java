package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader lock on PostgreSQL, two contenders in this JVM, each with its own session (the separate-process case,
 * SIGKILL included, is in the cluster test).
 */
class LeaderLockTest {
    private static final LeaderLock.Timing FAST = new LeaderLock.Timing(Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private TestPostgres pg;
    private final List<LeaderLock> locks = new CopyOnWriteArrayList<>();

    private void createDatabase() {
        pg = TestPostgres.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        locks.forEach(LeaderLock::close);
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void oneHoldsItAndTheOtherTakesOverWhenTheHoldersSessionIsKilled() throws Exception {
        createDatabase();
        Events first = new Events();
        Events second = new Events();
        LeaderLock a = start("publisher", first);
        await(a::held, "the first contender takes the free lock");
        LeaderLock b = start("publisher", second);
        Thread.sleep(FAST.checkEvery().toMillis() * 5);

        assertThat(b.held()).as("the second keeps trying but cannot have it").isFalse();
        assertThat(second.events).isEmpty();
        assertThat(holders()).as("the database shows exactly one session holding it").hasSize(1);

        int killed = holders().get(0);
        try (Connection c = pg.connect()) {
            Jdbc.query(c, "SELECT pg_terminate_backend(?)", rs -> rs.getBoolean(1), killed);
        }
        await(b::held, "the second takes over once the holder's session is gone");
        await(() -> !a.held(), "the first notices it lost the lock");

        assertThat(first.events).first().isEqualTo("acquired");
        assertThat(first.events).element(1).asString().startsWith("lost: lost the database connection");
        assertThat(second.events).containsExactly("acquired");
        assertThat(holders()).singleElement().isNotEqualTo(killed);
    }

    @Test
    void closingTheHolderReleasesItAtOnceAndLocksOfOtherNamesAreIndependent() throws Exception {
        createDatabase();
        Events first = new Events();
        Events second = new Events();
        LeaderLock a = start("publisher", first);
        await(a::held, "the first takes the lock");
        LeaderLock b = start("publisher", second);
        LeaderLock other = start("digests", new Events());
        await(other::held, "a lock of another name is free");
        assertThat(b.held()).isFalse();

        a.close();

        assertThat(first.events).containsExactly("acquired", "lost: released at shutdown");
        await(b::held, "the second takes the released lock");
        assertThat(holders()).hasSize(1);
    }

    @Test
    void onSqliteTheOnlyNodeHoldsItFromTheStartUntilClosed() {
        Events events = new Events();
        LeaderLock lock = Database.openSqlite(dir.resolve("single.db")).leaderLock("publisher", events);
        assertThat(lock.held()).isTrue();
        lock.close();
        assertThat(lock.held()).isFalse();
        assertThat(events.events).containsExactly("acquired", "lost: released at shutdown");
    }

    private LeaderLock start(String name, Events events) {
        LeaderLock lock = LeaderLock.advisory(pg.target(), name, FAST, events);
        locks.add(lock);
        return lock;
    }

    /** Backend pids of the sessions holding the "publisher" lock. */
    private List<Integer> holders() throws SQLException {
        try (Connection c = pg.connect()) {
            return Jdbc.query(c, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid = ?"
                    + " AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    rs -> rs.getInt(1), LeaderLock.KEY_SPACE, LeaderLock.key("publisher"));
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static final class Events implements LeaderLock.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void acquired() {
            events.add("acquired");
        }

        @Override
        public void lost(String reason) {
            events.add("lost: " + reason);
        }
    }
}
