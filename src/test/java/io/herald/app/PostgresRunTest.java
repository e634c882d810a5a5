package io.herald.app;

import static io.herald.app.ServiceUnderTest.worldFeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald run} in its own JVM with {@code HERALD_DB} a {@code jdbc:postgresql://} URL and the password in
 * {@code HERALD_DB_PASSWORD}: a chat subscribes, a matching story is published, the alert arrives once; the schedule
 * lives in Quartz's tables in the same database; the password appears nowhere in the output, with Herald, Quartz,
 * HikariCP, Flyway and the driver logging at TRACE.
 */
class PostgresRunTest {
    private static final String TOKEN = "7000014:postgres-token";
    private static final String PASSWORD = "pg-Secret-7d1f";
    private static final long CHAT = 5401;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theServiceRunsOnPostgresqlWithClusteredPollingAndNeverShowsThePassword() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
             FeedServer feeds = FeedServer.start()) {
            feeds.publish("/world.xml", "application/rss+xml", HeraldEndToEndTest.rss(
                    HeraldEndToEndTest.item("old", "Old story", "https://e.org/old", "Before the subscription.")));
            Path config = ServiceUnderTest.writeConfig(dir, worldFeed("", feeds.url("/world.xml")));
            Path log = dir.resolve("run.log");
            String trace = Path.of(PostgresRunTest.class.getResource("/logback-database-trace.xml").getPath())
                    .toString();
            Process herald = ServiceUnderTest.launch(config, log, Map.of("HERALD_DB", pg.url(),
                    "HERALD_DB_PASSWORD", PASSWORD, "TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL",
                    telegram.baseUrl()), "-Dlogback.configurationFile=" + trace);
            try {
                telegram.userSends(CHAT, 1, "/subscribe kursk");
                assertThat(telegram.awaitMessages(CHAT, 1, WAIT)).as("answered /subscribe").hasSize(1);
                awaitPolls(feeds, 2);
                feeds.publish("/world.xml", "application/rss+xml", HeraldEndToEndTest.rss(
                        HeraldEndToEndTest.item("kursk", "Troops near Kursk", "https://e.org/kursk", "Kursk news.")));
                List<SentMessage> messages = telegram.awaitMessages(CHAT, 2, WAIT);
                assertThat(messages).hasSize(2);
                assertThat(messages.get(1).plainText()).contains("Troops near Kursk");
                awaitPolls(feeds, feeds.requestCount("/world.xml") + 2);
                assertThat(telegram.messagesTo(CHAT)).as("the alert is sent once").hasSize(2);

                assertThat(pg.column("SELECT job_name FROM qrtz_job_details")).containsExactly("world");
                assertThat(pg.column("SELECT instance_name FROM qrtz_scheduler_state")).hasSize(1);
                assertThat(pg.column("SELECT destination || ' ' || status FROM outbox"))
                        .containsExactly("telegram:" + CHAT + " sent");
            } finally {
                herald.destroy();
                herald.waitFor(15, TimeUnit.SECONDS);
                herald.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as("the log is detailed").contains("DEBUG HikariConfig", "herald started",
                    "herald stopped (postgresql://" + TestPostgres.HOST).doesNotContain(PASSWORD);
        }
    }

    private static void awaitPolls(FeedServer feeds, int count) throws InterruptedException {
        Await.until(WAIT, () -> feeds.requestCount("/world.xml") >= count, count + " polls");
    }
}
