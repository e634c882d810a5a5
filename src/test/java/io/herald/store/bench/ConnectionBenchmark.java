package io.herald.store.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a unit of work costs on each way of getting a connection: SQLite opened per unit of work (what Herald does),
 * SQLite through a HikariCP pool (the alternative), and PostgreSQL through Herald's pool. A unit is one of Herald's
 * shortest: a read by primary key, or a one-row update in its own transaction. Medians of 5 rounds after a warm-up.
 *
 * <p>Run: {@code mvn -B -q -Pbench-db -DskipTests test}.
 */
public final class ConnectionBenchmark {
    private static final int READS = 5_000;
    private static final int WRITES = 1_000;
    private static final int ROUNDS = 5;

    private ConnectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempDirectory("herald-bench").resolve("bench.db");
        seed(Database.openSqlite(file));
        DataSource perUse = Database.sqliteConnections(file);
        HikariConfig pooled = new HikariConfig();
        pooled.setDataSource(Database.sqliteConnections(file));
        pooled.setMaximumPoolSize(4);
        try (HikariDataSource sqlitePool = new HikariDataSource(pooled)) {
            report("SQLite, a connection opened per unit of work (Herald)", perUse);
            report("SQLite, HikariCP pool of 4", sqlitePool);
        }
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            measurePostgres(pg);
        } catch (org.opentest4j.TestAbortedException noServer) {
            System.out.println("PostgreSQL: not measured: " + noServer.getMessage());
        }
    }

    /** Through a pool like Herald's (the database migrated and seeded by Herald's own code first). */
    private static void measurePostgres(TestPostgres pg) throws Exception {
        try (Database postgres = Database.openPostgres(pg.target())) {
            seed(postgres);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.url());
        config.setMaximumPoolSize(10);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            report("PostgreSQL 127.0.0.1, HikariCP pool (as Herald's)", pool);
        }
    }

    private static void seed(Database db) {
        new JdbcFeedStore(db, Clock.systemUTC()).scheduleNext("world", "https://example.org/rss", Instant.now());
    }

    private static void report(String what, DataSource source) throws Exception {
        measure(source);
        List<double[]> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(measure(source));
        }
        System.out.printf("%-55s read %7.1f us   write %7.1f us%n", what, median(rounds, 0), median(rounds, 1));
    }

    private static double[] measure(DataSource source) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < READS; i++) {
            try (Connection c = source.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT * FROM feeds WHERE id = ?")) {
                ps.setString(1, "world");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        long read = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            try (Connection c = source.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET next_poll_at = ? WHERE id = ?")) {
                    ps.setLong(1, i);
                    ps.setString(2, "world");
                    ps.executeUpdate();
                }
                c.commit();
            }
        }
        long write = System.nanoTime() - start;
        return new double[] {read / 1e3 / READS, write / 1e3 / WRITES};
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
