package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /test QUERY} and the preview in {@code /subscribe}'s answer, through Herald's real wiring: the stories of
 * a feed's first poll (recorded without alerting) are what a query is tried on; the answer is Telegram HTML the
 * strict fake accepts, with the matched words in bold and the links.
 */
class TryAQueryTest {
    private static final String TOKEN = "7000031:try-a-query-token";
    private static final long CHAT = 5031;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();

    @BeforeEach
    void prepareFakes() {
        feeds.publish("/world.xml", RSS, rss(
                item("a", "Troops move near Kursk", "https://news.example.org/a", "Units moved overnight.")
                        + item("b", "Budget talks stall", "https://news.example.org/b", "No deal on taxes &amp; fees.")
                        + item("c", "Summit in Vilnius", "https://news.example.org/c",
                        "Leaders of NATO met on Tuesday &lt;to talk&gt; about air defence.")
                        + item("d", "Kurskaya station reopens", "https://news.example.org/d", "A metro story.")));
    }

    @Test
    void testListsExactlyTheRecentStoriesTheQueryMatchesAndSavesNothing() throws Exception {
        try (HeraldService herald = start()) {
            Await.until(WAIT, () -> polledOnce(herald, "world"), "first poll");

            SentMessage reply = say("/test kursk OR nato");
            assertThat(reply.parseMode()).contains("HTML");
            assertThat(reply.plainText()).startsWith("Your query reads: kursk OR nato")
                    .contains("2 of the last 4 stories I have seen would have matched:")
                    .contains("Troops move near Kursk (world) open")
                    .contains("Summit in Vilnius: Leaders of NATO met on Tuesday <to talk> about air defence. (world)")
                    .doesNotContain("Budget", "Kurskaya")
                    .endsWith("Nothing was saved. /subscribe with the same query to get alerts.");
            assertThat(reply.text()).as("matched words in bold, links as links")
                    .contains("Troops move near <b>Kursk</b>", "Leaders of <b>NATO</b> met", "&lt;to talk&gt;",
                            "<a href=\"https://news.example.org/a\">open</a>",
                            "<a href=\"https://news.example.org/c\">open</a>")
                    .doesNotContain("news.example.org/b", "news.example.org/d");
            assertThat(reply.linkPreview().disabled()).isTrue();
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(CHAT))).as("nothing saved").isEmpty();

            assertThat(say("/test kursk*").plainText()).contains("2 of the last 4 stories", "Kurskaya station");
            assertThat(say("/test title:budget -taxes").plainText())
                    .contains("None of the last 4 stories I have seen would have matched.");
            assertThat(say("/test nato AND").plainText()).startsWith("That query has a problem at position");

            SentMessage subscribed = say("/subscribe \"air defence\"");
            assertThat(subscribed.plainText()).startsWith("Subscribed (#1): \"air defence\"")
                    .contains("1 of the last 4 stories I have seen would have matched:", "Summit in Vilnius");
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(CHAT))).hasSize(1);
        }
    }

    private SentMessage say(String text) {
        int before = telegram.messagesTo(CHAT).size();
        telegram.userSends(CHAT, CHAT, text);
        return telegram.awaitMessages(CHAT, before + 1, WAIT).get(before);
    }

    private HeraldService start() throws Exception {
        return ServiceUnderTest.start(dir, worldFeed("", feeds.url("/world.xml")),
                telegramEnv(dir.resolve("herald.db"), TOKEN, telegram));
    }
}
