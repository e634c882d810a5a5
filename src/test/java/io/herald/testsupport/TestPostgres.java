package io.herald.testsupport;

import io.herald.store.PostgresTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the test machine (127.0.0.1:5432, user {@code postgres}, trust authentication). Each test
 * makes a database of its own with a unique name and drops it afterwards; when nothing answers on the port, tests
 * that need it are skipped with a message saying so.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static volatile Optional<String> unavailable;

    private final String name;

    private TestPostgres(String name) {
        this.name = name;
    }

    /** Creates a uniquely named, empty database; skips the calling test when no PostgreSQL answers. */
    public static TestPostgres createDatabase() {
        assumeAvailable();
        String name = "herald_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return new TestPostgres(name);
    }

    /** Skips the calling test, with the reason, when no PostgreSQL answers on {@value #HOST}. */
    public static void assumeAvailable() {
        Optional<String> problem = unavailable;
        if (problem == null) {
            problem = probe();
            unavailable = problem;
        }
        Assumptions.assumeTrue(problem.isEmpty(), () -> "skipped: no PostgreSQL answers on " + HOST + " ("
                + unavailable.orElse("") + "); this test (or its PostgreSQL half) needs one, with trust auth for user postgres");
    }

    private static Optional<String> probe() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, adminProperties())) {
            return c.isValid(5) ? Optional.empty() : Optional.of("the connection is not usable");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The database's JDBC URL, with the user as a parameter (as an operator would write {@code HERALD_DB}). */
    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name + "?user=postgres";
    }

    public PostgresTarget target() {
        return PostgresTarget.parse(url(), Optional.empty());
    }

    public String name() {
        return name;
    }

    /** A plain connection to this database for a test's own checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + name, adminProperties());
    }

    /** The first column of every row the query gives, as text; {@code params} fill its {@code ?}s in order. */
    public List<String> column(String sql, String... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the database, ending any session still connected to it. */
    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, adminProperties());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Properties adminProperties() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        return p;
    }
}
