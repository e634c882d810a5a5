package io.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background checks write a probe row: they notice a database that cannot be written, and its return. */
class HealthMonitorTest {
    @TempDir
    Path dir;

    @Test
    void seesTheDatabaseGoAndComeBack() throws Exception {
        Path folder = dir.resolve("data");
        Database db = Database.openSqlite(folder.resolve("h.db"));
        HealthMonitor monitor = new HealthMonitor(db::checkWritable, new JdbcOutboxStore(db, Clock.systemUTC()),
                new JdbcFeedStore(db, Clock.systemUTC()), Clock.systemUTC(), Duration.ofSeconds(1));

        assertThat(monitor.checkNow().databaseProblem()).isEmpty();

        // the folder goes away (tests run as root, so chmod would not stop a write)
        Files.move(folder, dir.resolve("away"));
        HealthSample broken = monitor.checkNow();
        assertThat(broken.databaseProblem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("database unwritable: cannot write the health check row"));
        assertThat(monitor.latest()).contains(broken);

        Files.move(dir.resolve("away"), folder);
        assertThat(monitor.checkNow().databaseProblem()).isEmpty();
    }
}
