package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.CapturedStdStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI behaves like its peers: help on every command, {@code --db} where the database is read, read-only
 * commands never create a database, and mistakes (an empty config, a missing secret file, a route to a platform
 * without a token, a token the platform refuses) are caught before anything starts, in one sentence with exit 2.
 */
class CliContractTest {
    private static final List<String> COMMANDS = List.of("run", "demo", "check-config", "feed", "feed inspect",
            "feeds", "match", "summarize", "outbox", "backup", "opml", "version");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStdStreams std = new CapturedStdStreams();

    private static String[] args(String command, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo", "check-config", "feed", "feed inspect", "feeds", "match", "summarize",
            "outbox", "backup", "opml", "opml export", "opml import", "version"})
    void everyCommandHasHelp(String command) {
        assertThat(Main.execute(args(command, "--help"))).isZero();
        assertThat(std.out()).contains("Usage: herald " + command).contains("-h, --help");
        assertThat(std.err()).isEmpty();
    }

    @Test
    void helpCommandShowsEachCommandsUsage() {
        for (String command : COMMANDS) {
            if (command.contains(" ")) {
                continue;
            }
            std.clear();
            assertThat(Main.execute("help", command)).as(command).isZero();
            assertThat(std.out()).as(command).contains("Usage: herald " + command);
        }
        std.clear();
        assertThat(Main.execute("help")).isZero();
        assertThat(std.out()).contains("Commands:").contains("outbox").contains("help");
    }

    @Test
    void readOnlyCommandsRefuseAMissingDatabaseAndCreateNothing() {
        Path missing = dir.resolve("data").resolve("herald.db");
        assertThat(Main.execute("feeds", "--db", missing.toString(), "--config", dir.resolve("none.yml").toString()))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(std.err()).contains("no database at " + missing);
        assertThat(Main.execute(Map.of("HERALD_DB", missing.toString()), "outbox")).isEqualTo(Main.BAD_INPUT);
        assertThat(Main.execute("backup", "--db", missing.toString(), dir.resolve("copy.db").toString()))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void opmlExportWithoutADatabaseWritesTheConfigFeedsAndCreatesNothing() throws Exception {
        Path missing = dir.resolve("data").resolve("herald.db");
        assertThat(Main.execute("opml", "export", "--db", missing.toString(), "--config", config("").toString()))
                .isZero();
        assertThat(std.out()).contains("http://127.0.0.1:9/world.xml");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void emptyConfigIsRefused() throws Exception {
        Path empty = dir.resolve("empty.yml");
        Files.writeString(empty, "# nothing yet\n");
        assertThat(Main.execute(Map.of(), "check-config", "--config", empty.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(std.err()).contains(empty + ": no feeds");
        assertThat(Main.execute(Map.of("HERALD_DB", dir.resolve("h.db").toString()), "run", "--config",
                empty.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(dir.resolve("h.db")).doesNotExist();
    }

    @Test
    void aMissingSecretFileIsNamedAndItsNeighboursNeverPrinted() throws Exception {
        Path config = config("");
        Path secret = dir.resolve("slack-token");
        Files.writeString(secret, "xoxb-not a token with spaces");
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN_FILE", dir.resolve("no-such-file").toString(),
                "SLACK_BOT_TOKEN_FILE", secret.toString());
        assertThat(Main.execute(env, "check-config", "--config", config.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(std.err()).contains("TELEGRAM_BOT_TOKEN_FILE: cannot read file").contains("no such file")
                .contains("SLACK_BOT_TOKEN_FILE: the value contains whitespace")
                .doesNotContain("xoxb-not").doesNotContain("spaces");
        assertThat(Main.execute(env, "run", "--config", config.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(std.err()).contains("TELEGRAM_BOT_TOKEN_FILE").doesNotContain("xoxb-not");
    }

    @Test
    void aRouteToAPlatformWithoutItsTokenIsRefused() throws Exception {
        Path config = config("""
                routes:
                  - id: desk
                    query: kursk
                    to: ["slack:C0123ABCD", "telegram:-1001"]
                """);
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "123:abc");
        assertThat(Main.execute(env, "check-config", "--config", config.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(std.err()).contains("route desk delivers to slack:C0123ABCD but Slack is off: set SLACK_BOT_TOKEN")
                .doesNotContain("telegram:-1001 but").doesNotContain("123:abc");
        // with no chat platform at all, routes print on the console: a note, not a refusal
        assertThat(Main.execute(Map.of(), "check-config", "--config", config.toString())).isZero();
        assertThat(std.err()).contains("note: route desk delivers to slack:C0123ABCD, printed on the console");
    }

    @Test
    void runRefusesATelegramTokenTelegramDoesNotKnow() throws Exception {
        String wrong = "7000123:wrong-token-value";
        io.herald.testsupport.TestSecrets.record(wrong);
        try (FakeTelegramServer telegram = FakeTelegramServer.start("7000123:right-token-value")) {
            assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", wrong, "TELEGRAM_API_URL", telegram.baseUrl(),
                    "HERALD_DB", dir.resolve("t.db").toString()))).isEqualTo(Main.BAD_INPUT);
            assertThat(telegram.callCount("getMe")).as("the fake saw no call: tokens are checked per path").isZero();
        }
        assertThat(oneLineError(wrong))
                .startsWith("TELEGRAM_BOT_TOKEN: Telegram refused the bot token (getMe answered 401)")
                .doesNotContain("wrong-token");
        assertThat(dir.resolve("t.db")).doesNotExist();
    }

    @Test
    void runRefusesASlackTokenSlackDoesNotKnow() throws Exception {
        String wrong = "xoxb-5555-wrong-token";
        io.herald.testsupport.TestSecrets.record(wrong);
        try (FakeSlackServer slack = FakeSlackServer.start("xoxb-5555-right-token")) {
            assertThat(run(Map.of("SLACK_BOT_TOKEN", wrong, "SLACK_API_URL", slack.apiUrl(),
                    "HERALD_DB", dir.resolve("s.db").toString()))).isEqualTo(Main.BAD_INPUT);
        }
        assertThat(oneLineError(wrong))
                .startsWith("SLACK_BOT_TOKEN: Slack refused the bot token (auth.test answered invalid_auth)");
    }

    /** {@code herald run} on a config with one feed, with these environment variables. */
    private int run(Map<String, String> env) throws Exception {
        return Main.execute(env, "run", "--config", config("").toString());
    }

    /** The error printed on stderr, checked to be one line that shows neither the secret nor an exception. */
    private String oneLineError(String secret) {
        String err = std.err().strip();
        assertThat(err).doesNotContain(secret).doesNotContain("Exception");
        assertThat(err.lines()).hasSize(1);
        assertThat(std.out()).doesNotContain(secret);
        return err;
    }

    private Path config(String more) throws Exception {
        Path config = dir.resolve("herald-" + System.nanoTime() + ".yml");
        Files.writeString(config, """
                feeds:
                  - id: world
                    url: http://127.0.0.1:9/world.xml
                network:
                  allow_private_addresses: true
                """ + more);
        return config;
    }
}
