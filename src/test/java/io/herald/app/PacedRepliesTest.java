package io.herald.app;

import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.chat.CommandThrottle;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies go through the same paced queue as alerts: a group's chatter gets nothing, a burst of commands gets
 * answers paced to the group's limit and never inside a {@code retry_after} window, answers quote only a short prefix
 * of what was typed, and a user flooding commands gets one "slow down" and does not hold up alerts.
 */
class PacedRepliesTest {
    private static final String TOKEN = "6161:replies-test-token";
    private static final long GROUP = -100_3131;
    private static final long NEWSROOM = -100_3232;
    private static final long FLOODER = 7070;
    private static final long ADMIN = 8080;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();

    @BeforeEach
    void prepareFakes() {
        telegram.rateLimits(new FakeTelegramRateLimits(true, 3, 1.0, 60));
        telegram.addChat(GROUP);
        telegram.addChat(NEWSROOM);
        feeds.publish("/world.xml", RSS, HeraldEndToEndTest.rss());
    }

    @Test
    void groupChatterGetsNothingAndCommandsArePacedOutsideRetryWindows() throws Exception {
        try (HeraldService herald = start()) {
            for (int user = 1; user <= 40; user++) {
                telegram.userSends(GROUP, 1000 + user, "good morning everyone, did you see the news? " + user);
            }
            telegram.userSends(GROUP, 999, "/help@some_other_bot");
            telegram.userSends(5005, 5005, "/help"); // sent after the chatter: its answer shows the chatter was read
            assertThat(telegram.awaitMessages(5005, 1, WAIT)).hasSize(1);
            Thread.sleep(2000);
            assertThat(telegram.messagesTo(GROUP)).as("replies to chatter").isEmpty();

            telegram.forceRateLimit(GROUP, 5);
            for (int user = 1; user <= 40; user++) {
                telegram.userSends(GROUP, 1000 + user, "/nosuchcommand" + "x".repeat(5000));
            }
            List<SentMessage> replies = telegram.awaitMessages(GROUP, 40, WAIT);
            assertThat(replies).hasSize(40);
            assertThat(replies).allSatisfy(r -> assertThat(r.plainText()).hasSizeLessThan(300)
                    .contains("/nosuchcommandxxxx").doesNotContain("x".repeat(100)));

            assertThat(telegram.rateLimitHits()).as("the one 429 the fake forced, and no other")
                    .singleElement().satisfies(hit -> assertThat(hit.retryAfterSeconds()).isEqualTo(5));
            assertThat(telegram.sendsInsideRetryWindow()).isZero();

            telegram.userSends(GROUP, 1001, "@" + FakeTelegramServer.BOT_USERNAME + " help");
            assertThat(telegram.awaitMessages(GROUP, 41, WAIT).get(40).plainText()).contains("/subscribe");
        }
    }

    @Test
    void aUserFloodingCommandsGetsOneSlowDownAndAlertsGoOn() throws Exception {
        try (HeraldService herald = start()) {
            Await.until(WAIT, () -> polledOnce(herald, "world"));
            for (int i = 0; i < 30; i++) {
                telegram.userSends(FLOODER, FLOODER, "/help");
            }
            feeds.publish("/world.xml", RSS, HeraldEndToEndTest.rss(HeraldEndToEndTest.item("k1",
                    "Kursk: new report", "https://news.example.org/k1", "Troops near Kursk.")));
            long published = System.nanoTime();
            List<SentMessage> alert = telegram.awaitMessages(NEWSROOM, 1, WAIT);
            long alertMillis = (System.nanoTime() - published) / 1_000_000;
            assertThat(alert).singleElement().satisfies(m -> assertThat(m.plainText()).contains("Kursk"));
            assertThat(alertMillis).as("the alert is not held up by the flood").isLessThan(10_000);

            Thread.sleep(8000); // anything the flood would still send goes out meanwhile
            List<SentMessage> toFlooder = telegram.messagesTo(FLOODER);
            assertThat(toFlooder.stream().filter(m -> m.plainText().equals(CommandThrottle.SLOW_DOWN)))
                    .as("one slow down").hasSize(1);
            assertThat(toFlooder).as("five answers and the slow down").hasSize(6);
            assertThat(telegram.rateLimitedCount()).isZero();
        }
    }

    @Test
    void adminNoticesWaitOutARetryWindowLikeEverythingElse() throws Exception {
        try (HeraldService herald = start()) {
            telegram.userSends(ADMIN, ADMIN, "/help");
            assertThat(telegram.awaitMessages(ADMIN, 1, WAIT)).hasSize(1);
            telegram.forceRateLimit(ADMIN, 5);
            for (int i = 1; i <= 3; i++) {
                herald.noticeAdmins("world", "notice " + i);
            }
            List<SentMessage> got = telegram.awaitMessages(ADMIN, 4, WAIT);
            assertThat(telegram.rateLimitHits()).as("the 429 the fake forced happened")
                    .singleElement().satisfies(hit -> assertThat(hit.retryAfterSeconds()).isEqualTo(5));
            assertThat(telegram.sendsInsideRetryWindow()).as("notices sent inside the window").isZero();
            assertThat(got.subList(1, 4)).extracting(SentMessage::plainText)
                    .containsExactly("Herald: notice 1", "Herald: notice 2", "Herald: notice 3");
        }
    }

    private HeraldService start() throws Exception {
        return ServiceUnderTest.start(dir, worldFeed("""
                routes:
                  - id: desk
                    query: kursk
                    to: ["telegram:%d"]
                admins:
                  telegram: [%d]
                delivery:
                  telegram_group_per_minute: 57
                """.formatted(NEWSROOM, ADMIN), feeds.url("/world.xml")),
                telegramEnv(dir.resolve("herald.db"), TOKEN, telegram));
    }
}
