package io.herald.app;

import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald run} in its own JVM reloads its config on SIGHUP and tells the admin, then still stops on SIGTERM. */
class SighupReloadTest {
    private static final String TOKEN = "123456789:AAtestTOKENtestTOKENtestTOKEN";
    private static final long ADMIN = 9001;

    @TempDir
    Path dir;

    @Test
    void sighupReadsTheConfigAgainAndEveryAdminIsTold() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN); FeedServer feeds = FeedServer.start()) {
            telegram.addChat(ADMIN);
            feeds.publish("/world.xml", "application/rss+xml", HeraldEndToEndTest.rss(
                    HeraldEndToEndTest.item("1", "Story", "https://e.org/1", "Text.")));
            Path config = ServiceUnderTest.writeConfig(dir, worldFeed("""
                    admins:
                      telegram: [%d]
                    """.formatted(ADMIN), feeds.url("/world.xml")));
            Process herald = ServiceUnderTest.launch(config, dir.resolve("run.log"),
                    telegramEnv(dir.resolve("herald.db"), TOKEN, telegram));
            try {
                Await.upTo(Duration.ofSeconds(30), () -> feeds.requestCount("/world.xml") >= 1);
                assertThat(feeds.requestCount("/world.xml")).as("herald runs and polls").isPositive();

                Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(herald.pid())).start();
                assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
                assertThat(kill.exitValue()).isZero();

                List<SentMessage> told = telegram.awaitMessages(ADMIN, 1, Duration.ofSeconds(10));
                assertThat(told).hasSize(1);
                assertThat(told.get(0).plainText()).contains("reloaded (SIGHUP): nothing changed.");
                assertThat(herald.isAlive()).as("SIGHUP does not stop herald").isTrue();

                herald.destroy();
                assertThat(herald.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8))
                        .contains("herald stopped");
            } finally {
                herald.destroyForcibly();
            }
        }
    }
}
