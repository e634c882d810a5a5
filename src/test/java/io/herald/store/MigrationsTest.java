package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import io.herald.model.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
     * Made by Herald's earlier migration code at commit d5f5348 ({@code schema_version} rows 1, 2, 3) through its
     * stores: telegram:42 subscribed to {@code "north korea" OR kursk}; route "desk" to slack:C0123ABCD; feed
     * "world" polled once (etag "v1", next poll 2026-11-30T12:05Z) with item guid-1 seen and one pending alert to
     * telegram:42; telegram:42 on daily digests at 08:00 Europe/Berlin.
     */
    private static final String MADE_AT_V3 = "/db/legacy/made-at-d5f5348.db";
    /**
     * Made by the same earlier code at commit e99e98e, which had V8 but not V4-V7 ({@code schema_version} rows 1, 2, 3,
     * 8): telegram:42 subscribed to kursk, one alert to it sent as Telegram message 1001, its link preview "small".
     */
    private static final String MADE_AT_V8 = "/db/legacy/made-at-e99e98e.db";

    @TempDir
    Path dir;

    @Test
    void aFileMadeByTheEarlierMigrationListIsRefusedByPlainFlywayButUpgradesInPlaceWithItsData() throws Exception {
        Path plain = legacyCopy(MADE_AT_V3, "plain.db");
        assertThat(strings(plain, "SELECT version FROM schema_version ORDER BY version")).containsExactly("1", "2", "3");
        assertThatThrownBy(() -> Flyway.configure().dataSource(sqlite(plain)).locations("classpath:db/sqlite").load()
                .migrate()).as("Flyway alone will not touch a database it did not make").hasMessageContaining("non-empty");

        Path file = legacyCopy(MADE_AT_V3, "legacy.db");
        Database db = Database.openSqlite(file);

        assertThat(history(file)).startsWith("3 BASELINE").contains("8 SQL");
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
    void aFileOfTheEarlierListWithEveryMigrationAppliedIsTakenOverAtItsHighestVersion() throws Exception {
        Path file = legacyCopy(MADE_AT_V8, "v8.db");
        assertThat(strings(file, "SELECT version FROM schema_version ORDER BY version")).containsExactly("1", "2", "3", "8");

        Database db = Database.openSqlite(file);

        assertThat(history(file)).as("a baseline up to the first version the earlier list never saw, then the rest")
                .containsExactlyElementsOf(takeOver(List.of(1, 2, 3, 8), List.of()));
        Destination chat = Destination.telegram(42);
        assertThat(new JdbcOutboxStore(db, Clock.systemUTC()).findSent(chat, "1001")).isPresent();
        assertThat(new JdbcChatSettingsStore(db, Clock.systemUTC()).linkPreview(chat)).contains(LinkPreview.SMALL);
    }

    @Test
    void aVersionBelowTheEarlierListsHighestThatItNeverSawIsStillApplied() throws Exception {
        List<String> folders = List.of("db/sqlite", "db/migration-test/gap");
        Path naive = legacyCopy(MADE_AT_V8, "naive.db");
        Flyway.configure().dataSource(sqlite(naive)).locations("classpath:db/sqlite", "classpath:db/migration-test/gap")
                .outOfOrder(true).baselineOnMigrate(true).baselineVersion("8").load().migrate();
        assertThat(strings(naive, "SELECT name FROM sqlite_master WHERE name = 'probe_gap'"))
                .as("a plain baseline at the highest version would skip it for good").isEmpty();

        Path file = legacyCopy(MADE_AT_V8, "gap.db");
        Migrations.apply(sqlite(file), Dialect.SQLITE, "gap.db", folders);

        List<String> expected = takeOver(List.of(1, 2, 3, 8), List.of("4.9"));
        assertThat(expected).as("the test's own gap file sits below 8").contains("4.9 SQL", "8 SQL");
        assertThat(history(file)).as("4.9 run; 8 recorded, not run again: its ALTER TABLE would fail on this file")
                .containsExactlyElementsOf(expected);
        assertThat(strings(file, "SELECT message_ref FROM outbox")).containsExactly("1001");
        assertThat(strings(file, "SELECT name FROM sqlite_master WHERE name = 'probe_gap'")).containsExactly("probe_gap");
        Migrations.apply(sqlite(file), Dialect.SQLITE, "gap.db", folders);
        assertThat(history(file)).as("nothing more the next time").hasSize(expected.size());
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

    @Test
    void storiesQueuedTwiceForADestinationBeforeVersion11KeepTheirRowsAndTheOldestKeepsTheLinkKey() throws Exception {
        Path file = dir.resolve("v10.db");
        Flyway.configure().dataSource(sqlite(file)).locations("classpath:db/sqlite").target("10").load().migrate();
        try (Connection c = sqlite(file).getConnection()) {
            for (String feed : List.of("world", "science", "sport")) {
                Jdbc.update(c, "INSERT INTO outbox (feed_id, item_key, subscription_id, destination, payload,"
                        + " next_attempt_at, created_at, link_key) VALUES (?, 'x', 1, 'telegram:42', '{}', 0, 0,"
                        + " 'example.org/same')", feed);
            }
        }

        Database.openSqlite(file);

        assertThat(strings(file, "SELECT feed_id || ':' || COALESCE(link_key, '-') FROM outbox ORDER BY id"))
                .containsExactly("world:example.org/same", "science:-", "sport:-");
        try (Connection c = sqlite(file).getConnection()) {
            assertThatThrownBy(() -> Jdbc.update(c, "INSERT INTO outbox (feed_id, item_key, subscription_id,"
                    + " destination, payload, next_attempt_at, created_at, link_key) VALUES ('tech', 'x', 1,"
                    + " 'telegram:42', '{}', 0, 0, 'example.org/same')")).hasMessageContaining("UNIQUE");
        }
    }

    /**
     * The history a file of the earlier list (its {@code legacy} versions applied) should get: a baseline at the
     * highest version up to which every migration file of {@code db/sqlite} was applied, then every later version
     * (those files and the test's {@code extra} versions) in order, each run or recorded.
     */
    private static List<String> takeOver(List<Integer> legacy, List<String> extra) throws Exception {
        List<java.math.BigDecimal> files = new java.util.ArrayList<>();
        try (var names = Files.list(Path.of(MigrationsTest.class.getResource("/db/sqlite").toURI()))) {
            names.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                    .map(n -> new java.math.BigDecimal(n.substring(1, n.indexOf("__")).replace('_', '.')))
                    .forEach(files::add);
        }
        files.sort(null);
        int baseline = 0;
        for (java.math.BigDecimal v : files) {
            if (v.scale() > 0 || !legacy.contains(v.intValue())) {
                break;
            }
            baseline = v.intValue();
        }
        int from = baseline;
        List<java.math.BigDecimal> later = new java.util.ArrayList<>(files.stream()
                .filter(v -> v.compareTo(java.math.BigDecimal.valueOf(from)) > 0).toList());
        extra.forEach(e -> later.add(new java.math.BigDecimal(e)));
        later.sort(null);
        List<String> history = new java.util.ArrayList<>(List.of(baseline + " BASELINE"));
        later.forEach(v -> history.add(v.toPlainString() + " SQL"));
        return history;
    }

    private Path legacyCopy(String resource, String name) throws IOException {
        Path copy = dir.resolve(name);
        try (InputStream in = MigrationsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    private static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** Flyway's history of the file: "version type" per row, in the order applied. */
    private static List<String> history(Path file) throws SQLException {
        return strings(file, "SELECT version || ' ' || type FROM flyway_schema_history WHERE version IS NOT NULL"
                + " ORDER BY installed_rank");
    }

    private static List<String> strings(Path file, String sql) throws SQLException {
        try (Connection c = sqlite(file).getConnection()) {
            return Jdbc.query(c, sql, rs -> rs.getString(1));
        }
    }
}
