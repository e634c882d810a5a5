package io.herald.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: opens configured connections and applies versioned migrations once at start.
 * Every connection gets WAL, a busy timeout, foreign keys and IMMEDIATE transactions.
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Migration files by version; a version may be missing (numbers are reserved per change), order is by version. */
    private static final List<String> MIGRATIONS = List.of("V1__init.sql", "V2__ingest.sql", "V3__delivery.sql",
            "V8__transport.sql");

    private final SQLiteDataSource dataSource;
    private final String description;

    private Database(SQLiteDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
    public static Database openSqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("database: cannot create the folder for " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Database db = new Database(ds, file.toString());
        db.migrate();
        return db;
    }

    /** A new connection; the caller closes it. */
    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs {@code work} in one transaction, committing on success and rolling back on any failure. */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on an auto-commit connection. */
    public <T> T withConnection(String what, SqlWork<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        inTransaction("apply migrations", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            }
            java.util.Set<Integer> applied = new java.util.HashSet<>(
                    Jdbc.query(c, "SELECT version FROM schema_version", rs -> rs.getInt(1)));
            for (String name : MIGRATIONS.stream().sorted(java.util.Comparator.comparingInt(Database::version)).toList()) {
                int v = version(name);
                if (applied.contains(v)) {
                    continue;
                }
                LOG.info("database {}: applying migration {}", description, name);
                for (String sql : statements(read("/db/sqlite/" + name))) {
                    try (Statement st = c.createStatement()) {
                        st.execute(sql);
                    }
                }
                Jdbc.update(c, "INSERT INTO schema_version (version) VALUES (?)", v);
            }
            return null;
        });
    }

    /** The version in a migration file name: {@code V3__delivery.sql} is 3. */
    static int version(String migration) {
        return Integer.parseInt(migration.substring(1, migration.indexOf("__")));
    }

    private static String read(String resource) {
        try (InputStream in = Database.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    private static List<String> statements(String script) {
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(sb.toString().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return "sqlite:" + description;
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
