package io.herald.app;

import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.slackEnv;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeSlackSocketMode;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald run} in its own JVM: SIGTERM while it polls, answers chat and delivers (a {@code getUpdates} call
 * held open, a Slack Socket Mode connection open) ends it within 10 s, quietly: no ERROR line and no stack trace in
 * its output, and the Socket Mode connection closed on purpose. Under load (hundreds of alerts being paced out to
 * 40 chats, two feeds whose polls hang, a chat command) it still stops cleanly within its own limit instead of
 * being cut off.
 */
class RunShutdownTest {
    private static final String TOKEN = "7000006:shutdown-token";
    private static final long CHAT = 5301;
    private static final String SLACK_TOKEN = "xoxb-5301-shutdown-token";
    private static final String APP_TOKEN = "xapp-1-A0FAKEAPP-5301-shutdown";
    private static final int LOAD_CHATS = 40;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheServiceWithinTenSeconds() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN); FeedServer feeds = FeedServer.start();
             FakeSlackServer slack = FakeSlackServer.start(SLACK_TOKEN)) {
            FakeSlackSocketMode socket = slack.enableSocketMode(APP_TOKEN);
            feeds.publish("/world.xml", "application/rss+xml", """
                    <rss version="2.0"><channel><title>World</title><link>https://e.org/</link>
                    <item><title>Kursk story</title><link>https://e.org/1</link><guid>1</guid></item>
                    </channel></rss>""");
            Path config = ServiceUnderTest.writeConfig(dir, worldFeed("", feeds.url("/world.xml")));
            telegram.userSends(CHAT, 1, "/subscribe kursk");
            Process herald = ServiceUnderTest.launch(config, dir.resolve("run.log"),
                    env(telegramEnv(dir.resolve("herald.db"), TOKEN, telegram), slackEnv(SLACK_TOKEN, slack),
                            Map.of("SLACK_APP_TOKEN", APP_TOKEN)));
            try {
                assertThat(telegram.awaitMessages(CHAT, 1, Duration.ofSeconds(30))).as("answered /subscribe")
                        .hasSize(1);
                long polls = feeds.requestCount("/world.xml");
                Await.upTo(Duration.ofSeconds(20), () -> feeds.requestCount("/world.xml") >= polls + 2);

                socket.awaitConnection(0, Duration.ofSeconds(30));
                assertThat(telegram.heldGetUpdates()).as("a getUpdates call is held open at SIGTERM").isPositive();
                assertThat(socket.connected()).as("a Socket Mode connection is open at SIGTERM").isTrue();
                long start = System.nanoTime();
                herald.destroy();
                boolean exited = herald.waitFor(10, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                String log = Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8);
                System.out.println("herald run: exit " + took.toMillis() + " ms after SIGTERM; its output:\n" + log);
                assertThat(exited).as("exited within 10 s of SIGTERM").isTrue();
                assertThat(took).isLessThan(Duration.ofSeconds(10));
                assertThat(log).contains("herald started", "herald stopped");
                assertThat(socket.connected()).as("the Socket Mode connection was closed").isFalse();
                assertThat(socket.violations()).isEmpty();
                assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                        || line.contains("Exception"))).as("no ERROR and no stack trace on SIGTERM").isEmpty();
            } finally {
                herald.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermUnderLoadEndsCleanlyWithinItsOwnLimit() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN); FeedServer feeds = FeedServer.start();
             HungServer hung = HungServer.start()) {
            telegram.rateLimits(FakeTelegramRateLimits.DEFAULT);
            telegram.globalRateLimit(30, 30);
            feeds.publish("/world.xml", "application/rss+xml", stories(0));
            Path db = dir.resolve("herald.db");
            Database database = Database.openSqlite(db);
            JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(database, Clock.systemUTC());
            for (int c = 0; c < LOAD_CHATS; c++) {
                telegram.addChat(6_000_000L + c);
                subscriptions.add(Destination.telegram(6_000_000L + c), "kursk", "test");
            }
            Path config = dir.resolve("herald.yml");
            Files.writeString(config, """
                    feeds:
                      - id: world
                        url: %s
                        interval: 1s
                        fetch_article: false
                      - id: hung-1
                        url: %s
                        interval: 1s
                      - id: hung-2
                        url: %s
                        interval: 1s
                    network:
                      allow_private_addresses: true
                    """.formatted(feeds.url("/world.xml"), hung.url("/a.xml"), hung.url("/b.xml")));
            Process herald = ServiceUnderTest.launch(config, dir.resolve("run.log"), telegramEnv(db, TOKEN, telegram));
            try {
                JdbcFeedStore feedStore = new JdbcFeedStore(database, Clock.systemUTC());
                await(() -> feedStore.find("world").map(s -> s.initialized()).orElse(false), herald);
                feeds.publish("/world.xml", "application/rss+xml", stories(30));
                await(() -> telegram.allMessages().size() >= 100 && hung.connections() >= 2, herald);
                telegram.userSends(6_000_000L, 1, "/list");

                long start = System.nanoTime();
                herald.destroy();
                boolean exited = herald.waitFor(RunCommand.STOP_LIMIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String log = Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8);
                System.out.println("herald run under load: exit " + (exited ? herald.exitValue() : "none") + " "
                        + took.toMillis() + " ms after SIGTERM, with " + telegram.allMessages().size()
                        + " alerts sent and " + hung.connections() + " polls hanging");

                assertThat(exited).as("exited").isTrue();
                assertThat(took).as("within its own limit").isLessThan(RunCommand.STOP_LIMIT);
                System.out.println("herald run under load: its warnings and errors:\n" + String.join("\n",
                        log.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList()));
                assertThat(log).contains("herald stopped").doesNotContain("exiting now");
                assertThat(log.lines().filter(l -> l.contains(" ERROR "))).as("no ERROR on SIGTERM").isEmpty();
                assertThat(herald.exitValue()).as("exit after a clean stop on SIGTERM").isEqualTo(143);
            } finally {
                herald.destroyForcibly();
            }
        }
    }

    private static void await(BooleanSupplier condition, Process herald) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(herald.isAlive()).as("herald still running").isTrue();
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A feed of n matching stories. */
    private static String stories(int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            items.append(HeraldEndToEndTest.item("s" + i, "Kursk story " + i, "https://e.org/s/" + i, "Text " + i));
        }
        return HeraldEndToEndTest.rss(items.toString());
    }

    /** A feed host that accepts connections and never answers: every poll of it hangs until its timeout. */
    private static final class HungServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private HungServer(ServerSocket socket) {
            this.socket = socket;
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "hung-feed-server");
            accept.setDaemon(true);
            accept.start();
        }

        static HungServer start() throws IOException {
            return new HungServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        int connections() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
