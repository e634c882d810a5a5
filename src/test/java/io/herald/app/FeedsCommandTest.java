package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.PollRecord;
import io.herald.testsupport.CapturedStdStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald feeds}: per-feed health read from the database, and resuming a paused feed. */
class FeedsCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStdStreams std = new CapturedStdStreams();

    @Test
    void printsHealthOfEveryFeedAndResumesAPausedOne() throws Exception {
        Path dbFile = dir.resolve("h.db");
        JdbcFeedStore feeds = new JdbcFeedStore(Database.openSqlite(dbFile), Clock.systemUTC());
        feeds.recordPoll(new PollRecord("world", "https://world.example/rss", Optional.empty(), Optional.empty(),
                List.of(), List.of()));
        feeds.scheduleNext("world", "https://world.example/rss", Instant.now().plusSeconds(600));
        feeds.recordFailure("wire", "https://wire.example/rss", "feed wire: HTTP 503 Service Unavailable");
        feeds.recordFailure("wire", "https://wire.example/rss", "feed wire: cannot resolve host wire.example");
        feeds.pause("wire", "paused after 2 failed polls in a row");
        Path config = dir.resolve("herald.yml");
        Files.writeString(config, "feeds:\n  - id: world\n    url: https://world.example/rss\n"
                + "  - id: fresh\n    url: https://fresh.example/rss\n");

        int code = Main.execute("feeds", "--config", config.toString(), "--db", dbFile.toString());

        assertThat(code).isZero();
        assertThat(std.out())
                .contains("world: ok", "last success:       20", "next poll:          20", "in 9 min")
                .contains("fresh: never polled")
                .contains("wire: PAUSED", "last error:         feed wire: cannot resolve host wire.example",
                        "failures in a row:  2", "none (paused: paused after 2 failed polls in a row)");

        assertThat(Main.execute("feeds", "--db", dbFile.toString(), "--resume", "wire")).isZero();
        assertThat(feeds.find("wire").orElseThrow().paused()).isFalse();
        assertThat(Main.execute("feeds", "--db", dbFile.toString(), "--resume", "nope")).isEqualTo(2);
        assertThat(std.err()).endsWith(System.lineSeparator()
                + "feeds: no feed 'nope' in the database" + System.lineSeparator());
    }
}
