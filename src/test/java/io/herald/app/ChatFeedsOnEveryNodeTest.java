package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one database, each with its own config file: a feed an admin adds in chat on one node is polled by
 * the other too once it looks at the database again, and a feed removed on one node leaves the other's schedule.
 */
class ChatFeedsOnEveryNodeTest {
    private static final String TOKEN = "123456789:AAtestTOKENtestTOKENtestTOKEN";
    private static final long ADMIN = 9001;
    private static final Duration PICKED_UP = HeraldService.CHAT_FEED_SYNC.plusSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aFeedAddedOnOneNodeIsPolledByTheOtherAndRemovedFromBoth() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN); FeedServer feeds = FeedServer.start()) {
            feeds.publish("/world.xml", "application/rss+xml", rss(item("1", "Story", "https://e.org/1", "Text.")));
            feeds.publish("/extra.xml", "application/rss+xml", rss(item("2", "Other", "https://e.org/2", "Text.")));
            try (HeraldService a = node("a", feeds, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_API_URL", telegram.baseUrl()));
                 HeraldService b = node("b", feeds, Map.of())) {
                assertThat(b.polledFeeds()).containsExactly("world");

                String added = say(telegram, "/addfeed " + feeds.url("/extra.xml") + " extra 1s");
                assertThat(added).contains("Added feed extra");
                assertThat(a.polledFeeds()).as("at once on the node that added it").contains("extra");
                Await.until(PICKED_UP, () -> b.polledFeeds().contains("extra"));

                assertThat(say(telegram, "/removefeed extra")).contains("Removed feed extra");
                assertThat(a.polledFeeds()).doesNotContain("extra");
                Await.until(PICKED_UP, () -> !b.polledFeeds().contains("extra"));
                assertThat(b.polledFeeds()).containsExactly("world");
            }
        }
    }

    private static String say(FakeTelegramServer telegram, String text) {
        int before = telegram.messagesTo(ADMIN).size();
        telegram.userSends(ADMIN, ADMIN, text);
        List<SentMessage> replies = telegram.awaitMessages(ADMIN, before + 1, Duration.ofSeconds(20));
        assertThat(replies).hasSizeGreaterThan(before);
        return replies.get(before).plainText();
    }

    private HeraldService node(String name, FeedServer feeds, Map<String, String> platforms) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".yml"), worldFeed("""
                admins:
                  telegram: [%d]
                """.formatted(ADMIN), feeds.url("/world.xml")));
        return ServiceUnderTest.start(config, env(platforms, Map.of("HERALD_CONFIG", config.toString(),
                "HERALD_DB", dir.resolve("herald.db").toString())));
    }
}
