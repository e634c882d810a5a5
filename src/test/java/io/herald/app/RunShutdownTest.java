package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeSlackSocketMode;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald run} in its own JVM: SIGTERM while it polls, answers chat and delivers (a {@code getUpdates} call
 * held open, a Slack Socket Mode connection open) ends it within 10 s, quietly: no ERROR line and no stack trace in
 * its output, and the Socket Mode connection closed on purpose.
 */
class RunShutdownTest {
    private static final String TOKEN = "7000006:shutdown-token";
    private static final long CHAT = 5301;
    private static final String SLACK_TOKEN = "xoxb-5301-shutdown-token";
    private static final String APP_TOKEN = "xapp-1-A0FAKEAPP-5301-shutdown";

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
            Path config = dir.resolve("herald.yml");
            Files.writeString(config, """
                    feeds:
                      - id: world
                        url: %s
                        interval: 1s
                    network:
                      allow_private_addresses: true
                    """.formatted(feeds.url("/world.xml")));
            telegram.userSends(CHAT, 1, "/subscribe kursk");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--config", config.toString());
            pb.environment().put("HERALD_DB", dir.resolve("herald.db").toString());
            pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
            pb.environment().put("TELEGRAM_API_URL", telegram.baseUrl());
            pb.environment().put("SLACK_BOT_TOKEN", SLACK_TOKEN);
            pb.environment().put("SLACK_APP_TOKEN", APP_TOKEN);
            pb.environment().put("SLACK_API_URL", slack.apiUrl());
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
            Process herald = pb.start();
            try {
                assertThat(telegram.awaitMessages(CHAT, 1, Duration.ofSeconds(30))).as("answered /subscribe")
                        .hasSize(1);
                long polls = feeds.requestCount("/world.xml");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (feeds.requestCount("/world.xml") < polls + 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

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
}
