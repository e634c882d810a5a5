package io.herald.testsupport;

import io.herald.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An empty database of either kind for one test: a SQLite file in the test's folder, or the test run's own uniquely
 * named PostgreSQL database (made once per test JVM, dropped when it exits) with every Herald table emptied (the test
 * is skipped when no PostgreSQL answers). {@link #open()} may be called again to reopen the same database;
 * {@link #close()} closes every opening.
 */
public final class TestDatabase implements AutoCloseable {
    /** The kinds the store suite runs on. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;
    private final Path file;
    private final TestPostgres postgres;
    private final List<Database> opened = new ArrayList<>();

    private TestDatabase(Kind kind, Path file, TestPostgres postgres) {
        this.kind = kind;
        this.file = file;
        this.postgres = postgres;
    }

    private static TestPostgres shared;

    public static TestDatabase create(Kind kind, Path dir) {
        return kind == Kind.SQLITE ? new TestDatabase(kind, dir.resolve("test.db"), null)
                : new TestDatabase(kind, null, emptied(shared()));
    }

    private static synchronized TestPostgres shared() {
        if (shared == null) {
            TestPostgres.assumeAvailable();
            shared = TestPostgres.createDatabase();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "drop-test-database"));
        }
        return shared;
    }

    /**
     * Empties every table but the migration history and restarts every id sequence, as a new database would be.
     * DELETE rather than TRUNCATE: on tables this small it takes milliseconds where TRUNCATE takes a commit's fsync per
     * table; foreign keys are not checked meanwhile (the test server's superuser may switch them off).
     */
    private static TestPostgres emptied(TestPostgres postgres) {
        try (Connection c = postgres.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL session_replication_role = replica");
            for (String table : names(st, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename <> 'flyway_schema_history'")) {
                st.execute("DELETE FROM " + table);
            }
            for (String sequence : names(st, "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")) {
                st.execute("ALTER SEQUENCE " + sequence + " RESTART");
            }
            c.commit();
            return postgres;
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: cannot empty " + postgres.name() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> names(Statement st, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Opens the database (migrating it on first open). */
    public Database open() {
        Database db = kind == Kind.SQLITE ? Database.openSqlite(file) : Database.openPostgres(postgres.target());
        opened.add(db);
        return db;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public void close() {
        opened.forEach(Database::close);
    }
}
