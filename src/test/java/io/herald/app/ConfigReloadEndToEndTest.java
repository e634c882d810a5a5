package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.slackEnv;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.Await;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin edits the config file while {@link HeraldService} runs (strict local Telegram and Slack fakes, a local feed
 * server, the real client libraries): the edit is applied within 5 s without a restart, each admin gets one message
 * saying what changed, and an invalid edit keeps the running config and tells the admin every problem by line.
 */
class ConfigReloadEndToEndTest {
    private static final String TELEGRAM_TOKEN = "123456789:AAtestTOKENtestTOKENtestTOKEN";
    private static final String SLACK_TOKEN = "xoxb-1111-2222-testtoken";
    private static final String CHANNEL = "C0123ABCD";
    private static final long TEAM_CHAT = -1005001;
    private static final long ADMIN = 9001;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TELEGRAM_TOKEN);
    @AutoClose
    private final FakeSlackServer slack = FakeSlackServer.start(SLACK_TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();
    private Path config;

    @BeforeEach
    void prepareFakes() {
        telegram.addChat(TEAM_CHAT);
        telegram.addChat(ADMIN);
        slack.addChannel(CHANNEL);
        feeds.publish("/world.xml", RSS, rss(item("w0", "Markets open flat", "https://news.example.org/w0", "Calm.")));
        feeds.publish("/europe.xml", RSS, rss(item("e0", "Kursk: an older story already listed",
                "https://news.example.org/e0", "Listed before the feed was added.")));
        config = dir.resolve("herald.yml");
    }

    @Test
    void editsApplyWhileRunningAndAnInvalidEditKeepsTheRunningConfig() throws Exception {
        write(config, yaml(List.of("world"), true));
        try (HeraldService herald = start()) {
            Await.until(WAIT, () -> polledOnce(herald, "world"));

            feeds.publish("/world.xml", RSS, rss(item("w1", "Kursk: troops move", "https://news.example.org/w1",
                    "Troops moved near Kursk.")));
            assertThat(telegram.awaitMessages(TEAM_CHAT, 1, WAIT)).as("the team route alerts before the edit")
                    .hasSize(1);
            assertThat(slack.awaitMessages(CHANNEL, 1, WAIT)).hasSize(1);

            long edited = System.nanoTime();
            saveAtomically(yaml(List.of("world", "europe"), false));
            List<SentMessage> notices = telegram.awaitMessages(ADMIN, 1, APPLIED_WITHIN);
            assertThat(Duration.ofNanos(System.nanoTime() - edited)).isLessThan(APPLIED_WITHIN);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).plainText()).contains("reloaded", "feeds added: europe", "routes removed: team");

            Await.until(WAIT, () -> polledOnce(herald, "europe"));
            long published = System.nanoTime();
            feeds.publish("/europe.xml", RSS, rss(item("e0", "Kursk: an older story already listed",
                    "https://news.example.org/e0", "Listed before."), item("e1", "Kursk: bridge reopened",
                    "https://news.example.org/e1", "The bridge near Kursk reopened.")));
            List<FakeSlackServer.PostedMessage> posted = slack.awaitMessages(CHANNEL, 2, WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - published))
                    .as("within one interval (1 s) + 5 s").isLessThan(Duration.ofSeconds(6));
            assertThat(posted).hasSize(2);
            assertThat(posted.get(1).allText()).contains("bridge reopened");

            feeds.publish("/world.xml", RSS, rss(item("w2", "Kursk: second wave", "https://news.example.org/w2",
                    "More troops near Kursk.")));
            assertThat(slack.awaitMessages(CHANNEL, 3, WAIT)).hasSize(3);
            int worldPolls = feeds.requestCount("/world.xml");
            Await.until(WAIT, () -> feeds.requestCount("/world.xml") >= worldPolls + 2);
            assertThat(telegram.messagesTo(TEAM_CHAT)).as("the removed route no longer alerts").hasSize(1);
            assertThat(slack.messagesTo(CHANNEL)).extracting(FakeSlackServer.PostedMessage::allText)
                    .noneMatch(t -> t.contains("older story")).as("a new feed's first poll records without alerting");

            saveAtomically("""
                    feeds:
                      - id: world
                        url: %s
                        interval: soon
                    routes:
                      - id: desk
                        query: '(kursk'
                        to: ["slack:%s"]
                    """.formatted(feeds.url("/world.xml"), CHANNEL));
            List<SentMessage> refused = telegram.awaitMessages(ADMIN, 2, WAIT);
            assertThat(refused).hasSize(2);
            assertThat(refused.get(1).plainText()).contains("running config is kept")
                    .contains(config + ":4: ").contains(config + ":7: ");
            feeds.publish("/europe.xml", RSS, rss(item("e2", "Kursk: power restored", "https://news.example.org/e2",
                    "Power is back in Kursk.")));
            assertThat(slack.awaitMessages(CHANNEL, 4, WAIT)).as("the old config still runs: europe polled, desk routed")
                    .hasSize(4);

            saveAtomically(yaml(List.of("world"), false));
            List<SentMessage> applied = telegram.awaitMessages(ADMIN, 3, WAIT);
            assertThat(applied).hasSize(3);
            assertThat(applied.get(2).plainText()).contains("feeds removed: europe");
            Thread.sleep(500);
            int europePolls = feeds.requestCount("/europe.xml");
            Thread.sleep(2500);
            assertThat(feeds.requestCount("/europe.xml")).as("a removed feed is no longer polled")
                    .isEqualTo(europePolls);
            assertThat(telegram.messagesTo(ADMIN)).as("one message per edit").hasSize(3);
        }
    }

    @Test
    void aFileWrittenInTwoStepsIsReadOnceComplete() throws Exception {
        write(config, yaml(List.of("world"), true));
        try (HeraldService herald = start()) {
            Await.until(WAIT, () -> polledOnce(herald, "world"));
            String full = yaml(List.of("world", "europe"), true);
            int cut = full.indexOf("    url:", full.indexOf("id: europe"));
            Files.writeString(config, full.substring(0, cut));
            Thread.sleep(500);
            Files.writeString(config, full);

            List<SentMessage> notices = telegram.awaitMessages(ADMIN, 1, WAIT);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).plainText()).contains("feeds added: europe");
            assertThat(herald.reloader().unsettledReads()).as("the half-written file was read").isPositive();
            Await.until(WAIT, () -> polledOnce(herald, "europe"));
            Thread.sleep(1000);
            assertThat(telegram.messagesTo(ADMIN)).as("the half-written file was never reported").hasSize(1);
        }
    }

    private String yaml(List<String> feedIds, boolean teamRoute) {
        StringBuilder sb = new StringBuilder("admins:\n  telegram: [" + ADMIN + "]\nfeeds:\n");
        for (String id : feedIds) {
            sb.append("  - id: ").append(id).append("\n    url: ").append(feeds.url("/" + id + ".xml"))
                    .append("\n    interval: 1s\n");
        }
        sb.append("routes:\n  - id: desk\n    query: kursk\n    to: [\"slack:").append(CHANNEL).append("\"]\n");
        if (teamRoute) {
            sb.append("  - id: team\n    query: kursk\n    to: [\"telegram:").append(TEAM_CHAT).append("\"]\n");
        }
        return sb.append("network:\n  allow_private_addresses: true\n").toString();
    }

    /** As editors save: a temporary file in the same folder, renamed over the config. */
    private void saveAtomically(String text) throws IOException {
        Path temp = dir.resolve(".herald.yml.swp");
        Files.writeString(temp, text);
        Files.move(temp, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    private HeraldService start() throws Exception {
        return ServiceUnderTest.start(config, env(Map.of("HERALD_CONFIG", config.toString()),
                telegramEnv(dir.resolve("herald.db"), TELEGRAM_TOKEN, telegram), slackEnv(SLACK_TOKEN, slack)));
    }
}
