package io.herald.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date with Flyway from the versioned SQL files of its {@link Dialect}
 * ({@code V<n>__name.sql}; whatever files exist are applied, a lower version that arrives later too, since version
 * numbers are reserved per change rather than handed out in order).
 *
 * <p>A SQLite file made before Flyway carries a {@code schema_version} table listing the versions the earlier
 * hand-written list applied, possibly with gaps (it too applied whatever files existed). Flyway takes it over without
 * running anything twice or skipping anything: a baseline at the highest version up to which every file was applied,
 * then, in version order, each later file is either recorded without running (the earlier list applied it) or run.
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
            Set<Integer> legacy = dialect == Dialect.SQLITE ? legacyVersions(dataSource) : Set.of();
            if (!legacy.isEmpty()) {
                takeOver(dataSource, folders, legacy, database);
            }
            report(database, "applied", configure(dataSource, folders).load().migrate());
        } catch (FlywayException e) {
            throw new StoreException("database " + database + ": cannot bring the schema up to date: "
                    + e.getMessage(), e);
        }
    }

    private static FluentConfiguration configure(DataSource dataSource, List<String> folders) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(folders.stream().map(f -> "classpath:" + f).toArray(String[]::new))
                .outOfOrder(true)
                .placeholderReplacement(false)
                .cleanDisabled(true)
                .loggers("slf4j");
    }

    private static void report(String database, String what, MigrateResult result) {
        if (result.migrationsExecuted > 0) {
            LOG.info("database {}: {} migrations {}", database, what,
                    result.migrations.stream().map(m -> "V" + m.version + "__" + m.description).toList());
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

    private static void takeOver(DataSource dataSource, List<String> folders, Set<Integer> legacy, String database) {
        List<MigrationVersion> files = Arrays.stream(configure(dataSource, folders).load().info().all())
                .map(MigrationInfo::getVersion).filter(Objects::nonNull).distinct().sorted().toList();
        int prefix = 0;
        while (prefix < files.size() && applied(legacy, files.get(prefix))) {
            prefix++;
        }
        if (prefix == 0) {
            throw new StoreException("database " + database + ": its schema_version table " + legacy
                    + " does not start with this version's first migration " + files.get(0), null);
        }
        MigrationVersion baseline = files.get(prefix - 1);
        LOG.info("database {}: made before Flyway (schema versions {}); Flyway takes over from version {}", database,
                legacy, baseline);
        configure(dataSource, folders).baselineVersion(baseline).baselineDescription("schema_version " + baseline)
                .load().baseline();
        for (MigrationVersion version : files.subList(prefix, files.size())) {
            boolean appliedBefore = applied(legacy, version);
            report(database, appliedBefore ? "recorded (applied by the earlier list)" : "applied",
                    configure(dataSource, folders).target(version).skipExecutingMigrations(appliedBefore).load()
                            .migrate());
        }
    }

    private static boolean applied(Set<Integer> legacy, MigrationVersion version) {
        return legacy.stream().anyMatch(v -> MigrationVersion.fromVersion(Integer.toString(v)).equals(version));
    }
}
