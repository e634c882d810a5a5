package io.herald.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may run which admin command, on every platform, and how arguments reach the feed admin. */
class AdminCommandsTest {
    private static final String ADMIN_SLACK = "U0ADMIN";
    private static final long ADMIN_TELEGRAM = 9001;

    /** A feed admin that records what it was asked. */
    private static final class Recording implements FeedAdmin {
        final List<String> calls = new ArrayList<>();

        @Override
        public String feeds() {
            calls.add("feeds");
            return "FEEDS";
        }

        @Override
        public String addFeed(String url, Optional<String> id, Optional<String> interval, String addedBy) {
            calls.add("add " + url + " " + id.orElse("-") + " " + interval.orElse("-") + " by " + addedBy);
            return "ADDED";
        }

        @Override
        public String removeFeed(String id) {
            calls.add("remove " + id);
            return "REMOVED";
        }

        @Override
        public String pauseFeed(String id, String by) {
            calls.add("pause " + id + " by " + by);
            return "PAUSED";
        }

        @Override
        public String resumeFeed(String id) {
            calls.add("resume " + id);
            return "RESUMED";
        }

        @Override
        public String routes() {
            return "ROUTES";
        }

        @Override
        public String reload(Platform platform, String userId) {
            calls.add("reload by " + platform.key() + ":" + userId);
            return "RELOADED";
        }

        @Override
        public String importOpml(String fileName, byte[] content, String by) {
            calls.add("import " + fileName + " by " + by);
            return "IMPORTED";
        }

        @Override
        public byte[] exportOpml() {
            return "<opml/>".getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Recording admin = new Recording();
    private final AdminCommands commands = new AdminCommands(m -> "ROUTER:" + m.text(), admin,
            m -> m.userId().equals(ADMIN_SLACK) || m.userId().equals(Long.toString(ADMIN_TELEGRAM)));

    private String slack(String user, String text) {
        return commands.handle(new IncomingMessage(Destination.slack("C0123ABCD"), user, text));
    }

    private String telegram(long user, String text) {
        return commands.handle(new IncomingMessage(Destination.telegram(user), Long.toString(user), text));
    }

    @Test
    void adminsRunEveryAdminCommandAndOthersAreToldItIsForAdminsOnly() {
        for (String command : List.of("/addfeed https://e.org/rss", "/removefeed x", "/pausefeed x",
                "/resumefeed x", "/routes", "/reload", "/export")) {
            assertThat(slack("U0OTHER", command)).as(command).contains("admins only");
            assertThat(telegram(7001, command)).as(command).contains("admins only");
        }
        assertThat(admin.calls).as("nothing reached the feed admin").isEmpty();
        assertThat(slack("U0OTHER", "/feeds")).isEqualTo("FEEDS");

        assertThat(slack(ADMIN_SLACK, "/addfeed https://e.org/rss world 5m")).isEqualTo("ADDED");
        assertThat(telegram(ADMIN_TELEGRAM, "/addfeed@herald_test_bot https://e.org/rss")).isEqualTo("ADDED");
        assertThat(slack(ADMIN_SLACK, "/pausefeed world")).isEqualTo("PAUSED");
        assertThat(slack(ADMIN_SLACK, "/reload")).isEqualTo("RELOADED");
        assertThat(admin.calls).containsExactly("feeds", "add https://e.org/rss world 5m by slack:U0ADMIN",
                "add https://e.org/rss - - by telegram:9001", "pause world by slack:U0ADMIN", "reload by slack:U0ADMIN");
    }

    @Test
    void slashHeraldCommandsInSlackReachTheSameCommands() {
        assertThat(io.herald.chat.slack.SlackCommandsAccess.answer(commands, "C0123ABCD", ADMIN_SLACK,
                "removefeed world")).isEqualTo("REMOVED");
        assertThat(io.herald.chat.slack.SlackCommandsAccess.answer(commands, "C0123ABCD", "U0OTHER",
                "addfeed https://e.org/rss")).contains("admins only");
    }

    @Test
    void helpShowsTheAdminCommandsToAdminsOnlyAndWrongArgumentsGetTheUsage() {
        assertThat(slack(ADMIN_SLACK, "/help")).startsWith("ROUTER:/help").contains("/addfeed", "/pausefeed");
        assertThat(slack("U0OTHER", "/help")).isEqualTo("ROUTER:/help");
        assertThat(slack(ADMIN_SLACK, "/addfeed")).contains("Send /addfeed <url> [id] [interval]");
        assertThat(slack(ADMIN_SLACK, "/removefeed")).contains("Send /removefeed <id>");
        assertThat(slack(ADMIN_SLACK, "/subscribe kursk")).isEqualTo("ROUTER:/subscribe kursk");
    }

    @Test
    void onlyAnAdminsOpmlFilesAreWantedAndOnlyAnAdminGetsTheExportFile() {
        IncomingMessage fromAdmin = new IncomingMessage(Destination.telegram(ADMIN_TELEGRAM), "9001", "/export");
        IncomingMessage fromUser = new IncomingMessage(Destination.telegram(7001), "7001", "/export");
        assertThat(commands.wants(fromAdmin, "feeds.OPML")).isTrue();
        assertThat(commands.wants(fromAdmin, "photo.jpg")).isFalse();
        assertThat(commands.wants(fromUser, "feeds.opml")).isFalse();
        assertThat(commands.received(fromUser, "feeds.opml", new byte[0])).contains("admins only");
        assertThat(commands.fileFor(fromUser)).isEmpty();
        assertThat(commands.fileFor(fromAdmin)).hasValueSatisfying(f -> assertThat(f.name()).endsWith(".opml"));
    }
}
