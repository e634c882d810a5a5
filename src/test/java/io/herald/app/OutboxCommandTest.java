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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald outbox}: counts, failures grouped by reason, and the rows with their reasons. */
class OutboxCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsCountsReasonsAndRows() {
        Database db = Database.openSqlite(dir.resolve("o.db"));
        JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
        JdbcOutboxStore outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        for (int i = 1; i <= 3; i++) {
            Item item = new Item("world", "i" + i, "Story " + i, "https://e.org/" + i, Optional.empty(), "", "",
                    List.of(), List.of());
            feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(item),
                    List.of(new PendingAlert(i, new Alert(0, Destination.telegram(100 + i), item, "W", "q", "")))));
        }
        outbox.markFailed(1, "telegram: cannot send alert 1 to chat 101: Forbidden: bot was blocked by the user");
        outbox.markFailed(2, "telegram: cannot send alert 2 to chat 102: Forbidden: bot was blocked by the user");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutboxCommand command = new OutboxCommand();
        command.limit = 10;
        command.print(outbox, List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.FAILED),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).startsWith("outbox: 1 pending, 0 sent, 2 failed")
                .contains("     2  telegram: cannot send alert # to chat <destination>: Forbidden: bot was blocked"
                        + " by the user\n        to telegram:102, telegram:101; alerts #2, #1\n")
                .contains("#3  telegram:103", "\"Story 3\"", "#2  telegram:102",
                        "reason: telegram: cannot send alert 2 to chat 102: Forbidden");
    }

    @Test
    void isACommandOfTheCliThatRefusesABadStatus() {
        assertThat(Main.execute("outbox", "--status", "sent")).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void groupedReasonsKeepEveryNumberThatIsNotTheRowsOwn() {
        Database db = Database.openSqlite(dir.resolve("ids.db"));
        JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
        JdbcOutboxStore outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        Destination[] to = {Destination.slack("C0123ABCD"), Destination.slack("C0999ZZZZ"), Destination.telegram(-1001)};
        for (int i = 1; i <= 3; i++) {
            Item item = new Item("world", "i" + i, "Story " + i, "https://e.org/" + i, Optional.empty(), "", "",
                    List.of(), List.of());
            feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(item),
                    List.of(new PendingAlert(i, new Alert(0, to[i - 1], item, "W", "q", "")))));
        }
        outbox.markFailed(1, "slack: cannot send alert 1 to C0123ABCD: HTTP 403 (retry after 30 s, route 77)");
        outbox.markFailed(2, "slack: cannot send alert 2 to C0999ZZZZ: HTTP 403 (retry after 30 s, route 77)");
        outbox.markFailed(3, "telegram: cannot send alert 3 to chat -1001: HTTP 400 chat not found");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutboxCommand command = new OutboxCommand();
        command.limit = 10;
        command.print(outbox, List.of(OutboxEntry.Status.FAILED), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("     2  slack: cannot send alert # to <destination>: HTTP 403 (retry after 30 s,"
                        + " route 77)\n        to slack:C0999ZZZZ, slack:C0123ABCD; alerts #2, #1\n")
                .contains("     1  telegram: cannot send alert # to chat <destination>: HTTP 400 chat not found\n"
                        + "        to telegram:-1001; alerts #3\n")
                .contains("attempts 1");
    }

    @Test
    void readsTheDatabaseGivenWithDbAndNeverCreatesOne() {
        Path missing = dir.resolve("none.db");
        assertThat(Main.execute("outbox", "--db", missing.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(missing).doesNotExist();
        Database.openSqlite(dir.resolve("there.db"));
        io.herald.testsupport.StdStreams std = io.herald.testsupport.StdStreams.capture();
        try {
            assertThat(Main.execute("outbox", "--db", dir.resolve("there.db").toString())).isZero();
        } finally {
            std.restore();
        }
        assertThat(std.out()).startsWith("outbox: 0 pending, 0 sent, 0 failed");
    }
}
