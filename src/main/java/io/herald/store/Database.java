package io.herald.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Herald's database, SQLite or PostgreSQL: hands out connections and brings the schema up to date once at open
 * ({@link Migrations}). SQLite: every connection gets WAL, a busy timeout, foreign keys and IMMEDIATE transactions,
 * and is opened per unit of work (no pool: SQLite serialises writers anyway, and nothing stale outlives a unit).
 * PostgreSQL: a HikariCP pool with connect and socket timeouts.
 */
public final class Database implements AutoCloseable {
    /** A statement on PostgreSQL fails after this long without an answer (a dead server, a half-open link). */
    static final int POSTGRES_SOCKET_TIMEOUT_SECONDS = 120;
    /** Connections per node; a poll or a send holds one only for its statements. */
    static final int POSTGRES_POOL_SIZE = 10;
    /** How long a thread waits for a free pooled connection before its unit of work fails. */
    static final Duration POSTGRES_CONNECTION_WAIT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String description;
    private final Optional<PostgresTarget> postgres;
    private final Optional<Path> file;

    private Database(DataSource dataSource, Dialect dialect, String description, Optional<PostgresTarget> postgres,
                     Optional<Path> file) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        this.postgres = postgres;
        this.file = file;
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
        DataSource ds = sqliteConnections(file);
        Database db = new Database(ds, Dialect.SQLITE, file.toString(), Optional.empty(), Optional.of(file));
        Migrations.apply(ds, Dialect.SQLITE, db.toString());
        return db;
    }

    /**
     * New connections to the SQLite file, each set up as Herald needs: WAL, {@code synchronous=NORMAL}, a 5 s busy
     * timeout, foreign keys, IMMEDIATE transactions.
     */
    public static DataSource sqliteConnections(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** Connects a pool to the PostgreSQL database and brings its schema up to date. */
    public static Database openPostgres(PostgresTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("herald-db");
        config.setJdbcUrl(target.url());
        config.setDataSourceProperties(target.driverProperties(POSTGRES_SOCKET_TIMEOUT_SECONDS));
        config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(POSTGRES_CONNECTION_WAIT.toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("database: cannot connect to " + target.describe() + ": " + rootMessage(e), e);
        }
        Database db = new Database(pool, Dialect.POSTGRESQL, target.describe(), Optional.of(target),
                Optional.empty());
        try {
            Migrations.apply(pool, Dialect.POSTGRESQL, db.toString());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    /** Which database this is. */
    Dialect dialect() {
        return dialect;
    }

    /** The SQLite file; empty on PostgreSQL. */
    public Optional<Path> file() {
        return file;
    }

    /** The connection pool (PostgreSQL), for binding its meters; empty on SQLite, which has none. */
    public Optional<Object> pool() {
        return dataSource instanceof HikariDataSource hikari ? Optional.of(hikari) : Optional.empty();
    }

    /** A new (or pooled) connection; the caller closes it. */
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

    /**
     * Writes one row in its own short transaction, proving the database can be written now.
     *
     * @throws StoreException when it cannot (file or folder gone, read-only, locked past the busy timeout, disk full,
     *                        server unreachable)
     */
    public void checkWritable() {
        inTransaction("write the health check row", c -> Jdbc.update(c, "INSERT INTO health_probe (id, checked_at)"
                + " VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                System.currentTimeMillis()));
    }

    /**
     * Writes a consistent copy of the SQLite database to {@code target} (SQLite's {@code VACUUM INTO}: one read
     * transaction, so writers go on while it runs and the copy is a snapshot of one moment).
     *
     * @throws StoreException when the copy cannot be written (e.g. {@code target} exists) or the database is
     *                        PostgreSQL (use {@code pg_dump} there)
     */
    public void backupTo(Path target) {
        requireSqlite("back up");
        withConnection("back up to " + target, c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /** SQLite's {@code PRAGMA quick_check}: {@code ok}, or the first problems it found. */
    public String quickCheck() {
        requireSqlite("check");
        return withConnection("check its integrity", c -> String.join("; ",
                Jdbc.query(c, "PRAGMA quick_check", rs -> rs.getString(1))));
    }

    private void requireSqlite(String what) {
        if (dialect != Dialect.SQLITE) {
            throw new StoreException("database: herald can " + what + " only a SQLite database; for PostgreSQL use"
                    + " its own tools (pg_dump)", null);
        }
    }

    /**
     * Starts competing for the cluster-wide lock {@code name} (see {@link LeaderLock}). On SQLite there is only
     * one node, so the lock is held at once.
     */
    public LeaderLock leaderLock(String name, LeaderLock.Listener listener) {
        return postgres.map(target -> LeaderLock.advisory(target, name, LeaderLock.Timing.DEFAULT, listener))
                .orElseGet(() -> LeaderLock.single(name, listener));
    }

    /** Closes the pool (PostgreSQL); SQLite holds nothing open between units of work. */
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public String toString() {
        return dialect == Dialect.SQLITE ? "sqlite:" + description : description;
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
