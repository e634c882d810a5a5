package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.OutboxEntry;
import io.herald.store.PendingAlert;
import io.herald.store.PollRecord;
import io.herald.testsupport.StdStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald backup FILE} while another writer keeps writing: the copy opens, checks out and is consistent. */
class BackupCommandTest {
    @TempDir
    Path dir;

    @Test
    void copiesARunningDatabaseConsistently() throws Exception {
        Path source = dir.resolve("herald.db");
        Database db = Database.openSqlite(source);
        JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger polls = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                int n = polls.incrementAndGet();
                Item item = new Item("world", "i" + n, "Story " + n, "https://e.org/" + n, Optional.empty(),
                        "text ".repeat(200), "", List.of(), List.of());
                // one item and its two alerts in one transaction: a consistent copy has exactly 2 alerts per item
                feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(item),
                        List.of(new PendingAlert(1, new Alert(0, Destination.telegram(1), item, "W", "q", "")),
                                new PendingAlert(2, new Alert(0, Destination.telegram(2), item, "W", "q", "")))));
            }
        }, "backup-test-writer");
        writer.start();
        try {
            while (polls.get() < 200) {
                Thread.sleep(10);
            }
            Path copy = dir.resolve("backups/herald-copy.db");
            StdStreams std = StdStreams.capture();
            int code;
            try {
                code = Main.execute("backup", copy.toString(), "--db", source.toString());
            } finally {
                std.restore();
            }
            int during = polls.get();
            assertThat(code).as(std.err()).isZero();
            assertThat(std.out()).startsWith("backup: wrote " + copy).contains("integrity ok");
            assertThat(during).as("the writer kept writing while the copy was made").isGreaterThan(200);

            Database restored = Database.openSqlite(copy);
            assertThat(restored.quickCheck()).isEqualTo("ok");
            Map<OutboxEntry.Status, Integer> alerts = new JdbcOutboxStore(restored, Clock.systemUTC()).counts();
            writing.set(false);
            writer.join();
            Map<String, String> everyItem = new java.util.HashMap<>();
            for (int i = 1; i <= polls.get(); i++) {
                everyItem.put("i" + i, null);
            }
            int copiedItems = polls.get()
                    - new JdbcFeedStore(restored, Clock.systemUTC()).unseenItems("world", everyItem).size();
            assertThat(copiedItems).as("items in the copy").isGreaterThanOrEqualTo(200).isLessThan(polls.get());
            assertThat(alerts.get(OutboxEntry.Status.PENDING)).as("two alerts per copied item, none half-written")
                    .isEqualTo(2 * copiedItems);
            assertThat(Files.exists(dir.resolve("backups/herald-copy.db.partial"))).isFalse();
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void refusesToOverwriteAndExplainsAMissingDatabase() throws Exception {
        Path existing = Files.writeString(dir.resolve("taken.db"), "x");
        Database.openSqlite(dir.resolve("h.db"));
        StdStreams std = StdStreams.capture();
        int taken;
        int missing;
        try {
            taken = Main.execute("backup", existing.toString(), "--db", dir.resolve("h.db").toString());
            missing = Main.execute("backup", dir.resolve("b.db").toString(), "--db", dir.resolve("nope.db").toString());
        } finally {
            std.restore();
        }
        assertThat(taken).isEqualTo(2);
        assertThat(missing).isEqualTo(2);
        assertThat(std.err()).contains("taken.db already exists").contains("no database at");
        assertThat(Files.exists(dir.resolve("nope.db"))).as("nothing created").isFalse();
    }
}
