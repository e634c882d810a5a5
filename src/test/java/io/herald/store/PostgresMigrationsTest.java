package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.TestPostgres;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** PostgreSQL's migrations: a twin of every SQLite one, Quartz's tables, nodes starting together. */
class PostgresMigrationsTest {

    @Test
    void everySqliteMigrationHasAPostgresTwinOfTheSameName() throws Exception {
        List<String> sqlite = files("db/sqlite");
        assertThat(sqlite).contains("V1__init.sql");
        assertThat(files("db/postgresql")).containsAll(sqlite);
    }

    @Test
    void aNewDatabaseGetsTheTwinsAndQuartzTablesOnceEvenWhenTwoNodesStartTogether() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase()) {
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Callable<Database> open = () -> Database.openPostgres(pg.target());
                List<Future<Database>> started = nodes.invokeAll(List.of(open, open));
                for (Future<Database> node : started) {
                    node.get().close();
                }
            } finally {
                nodes.shutdownNow();
            }

            try (Connection c = pg.connect()) {
                assertThat(Jdbc.query(c, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                        rs -> rs.getString(1))).startsWith("1", "2", "3", "3.1").doesNotHaveDuplicates();
                assertThat(Jdbc.query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                        rs -> rs.getString(1))).contains("feeds", "items", "subscriptions", "outbox", "chat_settings",
                        "qrtz_triggers", "qrtz_job_details", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
            }
        }
    }

    @Test
    void theLoginStaysOutOfTheUrlThatIsShown() throws SQLException {
        PostgresTarget target = PostgresTarget.parse(
                "jdbc:postgresql://db.example:5432/herald?user=herald&password=s3cr%26t&sslmode=require",
                java.util.Optional.empty());
        assertThat(target.url()).isEqualTo("jdbc:postgresql://db.example:5432/herald?sslmode=require");
        assertThat(target.user()).contains("herald");
        assertThat(target.password()).contains("s3cr&t");
        assertThat(target.toString()).doesNotContain("s3cr").contains("password=***");
        assertThat(target.describe()).isEqualTo("postgresql://db.example:5432/herald");
        assertThat(PostgresTarget.parse("jdbc:postgresql://h/db?password=a", java.util.Optional.of("b")).password())
                .as("a password given apart wins").contains("b");
    }

    private static List<String> files(String folder) throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(PostgresMigrationsTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
