package io.herald.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date with Flyway from the versioned SQL files of its {@link Dialect}
 * ({@code V<n>__name.sql}; whatever files exist are applied, a lower version that arrives later too, since version
 * numbers are reserved per change rather than handed out in order).
 *
 * <p>A SQLite file made before Flyway carries a {@code schema_version} table listing the versions applied by the
 * earlier hand-written list; Flyway takes over from its highest version (a baseline), so nothing runs twice.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LEGACY_TABLE = "schema_version";

    private Migrations() {
    }

    static void apply(DataSource dataSource, Dialect dialect, String database) {
        apply(dataSource, dialect, database, List.of(dialect.migrations()));
    }

    /** Applies the migrations found in the classpath {@code folders} (tests add folders of their own). */
    static void apply(DataSource dataSource, Dialect dialect, String database, List<String> folders) {
        try {
            FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(folders.stream().map(f -> "classpath:" + f).toArray(String[]::new))
                    .outOfOrder(true)
                    .placeholderReplacement(false)
                    .cleanDisabled(true)
                    .loggers("slf4j");
            Set<Integer> legacy = dialect == Dialect.SQLITE ? legacyVersions(dataSource) : Set.of();
            if (!legacy.isEmpty()) {
                int baseline = baseline(legacy, config.load(), database);
                LOG.info("database {}: schema version {} was set by an earlier Herald; Flyway takes over from it",
                        database, baseline);
                config.baselineOnMigrate(true).baselineVersion(Integer.toString(baseline))
                        .baselineDescription("schema_version " + baseline);
            }
            MigrateResult result = config.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database {}: applied migrations {}", database,
                        result.migrations.stream().map(m -> "V" + m.version + "__" + m.description).toList());
            }
        } catch (FlywayException e) {
            throw new StoreException("database " + database + ": cannot bring the schema up to date: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The versions of the hand-written list recorded in the file, or none when the file has no such table or is
     * already under Flyway.
     */
    private static Set<Integer> legacyVersions(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = Jdbc.query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
                    rs -> rs.getString(1), LEGACY_TABLE, "flyway_schema_history");
            if (!tables.equals(List.of(LEGACY_TABLE))) {
                return Set.of();
            }
            return new TreeSet<>(Jdbc.query(c, "SELECT version FROM " + LEGACY_TABLE, rs -> rs.getInt(1)));
        } catch (SQLException e) {
            throw new StoreException("database: cannot read the earlier schema version: " + e.getMessage(), e);
        }
    }

    /**
     * The highest legacy version, which Flyway may take as applied only if every migration file below it was
     * applied too (the earlier list could apply a lower version after a higher one).
     */
    private static int baseline(Set<Integer> legacy, Flyway flyway, String database) {
        int highest = legacy.stream().max(Integer::compare).orElseThrow();
        List<String> missing = java.util.Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.getMajor().intValue() <= highest && !legacy.contains(v.getMajor().intValue()))
                .map(v -> "V" + v).toList();
        if (!missing.isEmpty()) {
            throw new StoreException("database " + database + ": an earlier Herald applied schema versions " + legacy
                    + " but not " + missing + "; start that earlier version once to finish its migrations, then"
                    + " this one", null);
        }
        return highest;
    }
}
