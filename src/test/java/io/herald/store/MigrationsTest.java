package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Flyway on SQLite: new files, files made by the earlier hand-written migration list, versions arriving late. */
class MigrationsTest {
    /**
     * Made by Herald's earlier migration code (commit d5f5348, {@code schema_version} rows 1, 2, 3) through its
     * stores: telegram:42 subscribed to {@code "north korea" OR kursk}; route "desk" to slack:C0123ABCD; feed
     * "world" polled once (etag "v1", next poll 2026-11-30T12:05Z) with item guid-1 seen and one pending alert to
     * telegram:42; telegram:42 on daily digests at 08:00 Europe/Berlin.
     */
    private static final String LEGACY_FILE = "/db/legacy/herald-v3.db";

    @TempDir
    Path dir;

    @Test
    void aFileMadeByTheEarlierMigrationListIsRefusedByPlainFlywayButUpgradesInPlaceWithItsData() throws Exception {
        Path plain = legacyCopy("plain.db");
        assertThat(strings(plain, "SELECT version FROM schema_version ORDER BY version")).containsExactly("1", "2", "3");
        assertThatThrownBy(() -> Flyway.configure().dataSource(sqlite(plain)).locations("classpath:db/sqlite").load()
                .migrate()).as("Flyway alone will not touch a database it did not make").hasMessageContaining("non-empty");

        Path file = legacyCopy("legacy.db");
        Database db = Database.openSqlite(file);

        assertThat(strings(file, "SELECT version || ' ' || type FROM flyway_schema_history WHERE version IS NOT NULL"
                + " ORDER BY installed_rank")).first().isEqualTo("3 BASELINE");
        Clock clock = Clock.systemUTC();
        var subscriptions = new JdbcSubscriptionStore(db, clock);
        Destination chat = Destination.telegram(42);
        assertThat(subscriptions.ownedBy(chat)).extracting(Subscription::query).containsExactly("\"north korea\" OR kursk");
        assertThat(subscriptions.allFor(Destination.slack("C0123ABCD"))).extracting(Subscription::routeId)
                .containsExactly(Optional.of("desk"));
        FeedState world = new JdbcFeedStore(db, clock).find("world").orElseThrow();
        assertThat(world.etag()).contains("\"v1\"");
        assertThat(world.nextPoll()).contains(Instant.parse("2026-11-30T12:05:00Z"));
        assertThat(new JdbcFeedStore(db, clock).unseen("world", List.of("guid-1", "guid-2"))).containsExactly("guid-2");
        assertThat(new JdbcOutboxStore(db, clock).due(Instant.now(), 10)).singleElement()
                .satisfies(e -> assertThat(e.alert().item().title()).isEqualTo("Kursk offensive"));
        ChatSettings settings = new JdbcChatSettingsStore(db, clock).get(chat);
        assertThat(settings.digest()).isEqualTo(DigestMode.DAILY);
        assertThat(settings.dailyAt()).isEqualTo(LocalTime.of(8, 0));
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));

        long newId = subscriptions.add(chat, "nato", "7").orElseThrow().id();
        assertThat(newId).as("ids go on after the old rows").isGreaterThan(subscriptions.ownedBy(chat).get(0).id());
        List<String> history = strings(file, "SELECT installed_rank FROM flyway_schema_history");
        Database.openSqlite(file);
        assertThat(strings(file, "SELECT installed_rank FROM flyway_schema_history")).as("reopening applies nothing")
                .isEqualTo(history);
    }

    @Test
    void aFileWhoseEarlierListLeftALowerVersionUnappliedIsRefusedWithTheWayOut() throws Exception {
        Path file = legacyCopy("gap.db");
        execute(file, "DELETE FROM schema_version WHERE version = 2");

        assertThatThrownBy(() -> Database.openSqlite(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("applied schema versions [1, 3] but not [V2]")
                .hasMessageContaining("start that earlier version once");
    }

    @Test
    void aNewFileGetsEveryMigrationAndALowerVersionArrivingLaterIsStillApplied() throws Exception {
        Path file = dir.resolve("new.db");
        Database.openSqlite(file);
        assertThat(strings(file, "SELECT type FROM flyway_schema_history")).isNotEmpty().containsOnly("SQL");
        assertThat(strings(file, "SELECT version FROM flyway_schema_history ORDER BY installed_rank")).startsWith("1", "2", "3");

        Migrations.apply(sqlite(file), Dialect.SQLITE, "new.db", List.of("db/sqlite", "db/migration-test/high"));
        Migrations.apply(sqlite(file), Dialect.SQLITE, "new.db",
                List.of("db/sqlite", "db/migration-test/high", "db/migration-test/low"));

        assertThat(strings(file, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .endsWith("1000", "999");
        assertThat(strings(file, "SELECT name FROM sqlite_master WHERE name LIKE 'probe_%' ORDER BY name"))
                .containsExactly("probe_high", "probe_low");
    }

    private Path legacyCopy(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (InputStream in = MigrationsTest.class.getResourceAsStream(LEGACY_FILE)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    private static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private static List<String> strings(Path file, String sql) throws SQLException {
        try (Connection c = sqlite(file).getConnection()) {
            return Jdbc.query(c, sql, rs -> rs.getString(1));
        }
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection c = sqlite(file).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
