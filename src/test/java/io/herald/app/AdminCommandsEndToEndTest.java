package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.slackEnv;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.Await;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat admin flow against the strict local Telegram fake and a local web server, through the real client
 * library: {@code /addfeed} of an HTML page finds the feed it announces, the feed is polled and its story alerts,
 * {@code /pausefeed} stops the polls and {@code /resumefeed} restarts them; others get "admins only".
 */
class AdminCommandsEndToEndTest {
    private static final String TELEGRAM_TOKEN = "123456789:AAtestTOKENtestTOKENtestTOKEN";
    private static final String SLACK_TOKEN = "xoxb-1111-2222-testtoken";
    private static final long ADMIN = 9001;
    private static final long USER = 7001;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TELEGRAM_TOKEN);
    @AutoClose
    private final FakeSlackServer slack = FakeSlackServer.start(SLACK_TOKEN);
    @AutoClose
    private final FeedServer web = FeedServer.start();
    private Path config;

    @BeforeEach
    void prepareFakes() {
        web.publish("/world.xml", RSS, rss(item("w0", "Markets open flat", "https://news.example.org/w0", "Calm.")));
        web.publish("/news/", "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>Example News</title>
                <link rel="stylesheet" href="/style.css">
                <link rel="alternate" type="application/rss+xml" title="Example News" href="feed.xml">
                </head><body><h1>Example News</h1><p>Front page.</p></body></html>""");
        web.publish("/news/feed.xml", RSS, rss(item("n0", "Town fair opens", "https://news.example.org/n0",
                "Stalls and music.")));
        config = dir.resolve("herald.yml");
    }

    @Test
    void addFeedOfAPageThenPauseAndResumeIt() throws Exception {
        try (HeraldService herald = start()) {
            assertThat(say(USER, "/subscribe kursk")).startsWith("Subscribed");
            assertThat(say(USER, "/addfeed " + web.url("/news/"))).contains("admins only");
            Await.until(WAIT, () -> polledOnce(herald, "world"));
            assertThat(say(USER, "/feeds")).contains("world - World (config file)", "ok", "next poll: ");

            String added = say(ADMIN, "/addfeed " + web.url("/news/") + " local-news 1s");
            assertThat(added).contains("Added feed local-news", "World", "1 items", "found on the page",
                    web.url("/news/feed.xml").toString());
            Await.until(WAIT, () -> polledOnce(herald, "local-news"));
            assertThat(telegram.messagesTo(USER)).as("the stories listed when it was added do not alert").hasSize(3);

            web.publish("/news/feed.xml", RSS, rss(item("n1", "Kursk: trains run again",
                    "https://news.example.org/n1", "Rail links to Kursk reopened."), item("n0", "Town fair opens",
                    "https://news.example.org/n0", "Stalls and music.")));
            List<SentMessage> alerts = telegram.awaitMessages(USER, 4, WAIT);
            assertThat(alerts).hasSize(4);
            assertThat(alerts.get(3).plainText()).contains("Kursk: trains run again");

            assertThat(say(ADMIN, "/pausefeed local-news")).contains("Paused feed local-news");
            Thread.sleep(1500);
            int polls = web.requestCount("/news/feed.xml");
            web.publish("/news/feed.xml", RSS, rss(item("n2", "Kursk: schools reopen", "https://news.example.org/n2",
                    "Classes resumed in Kursk.")));
            Thread.sleep(3000);
            assertThat(web.requestCount("/news/feed.xml")).as("a paused feed is not polled").isEqualTo(polls);
            assertThat(telegram.messagesTo(USER)).hasSize(4);
            assertThat(say(ADMIN, "/feeds")).contains("local-news - World (added in chat)", "paused");

            assertThat(say(ADMIN, "/resumefeed local-news")).contains("Resumed feed local-news");
            List<SentMessage> resumed = telegram.awaitMessages(USER, 5, WAIT);
            assertThat(resumed).hasSize(5);
            assertThat(resumed.get(4).plainText()).contains("Kursk: schools reopen");
            assertThat(web.requestCount("/news/feed.xml")).isGreaterThan(polls);
        }
    }

    @Test
    void configFeedsStayWithTheFileAndHelpShowsAdminCommandsToAdminsOnly() throws Exception {
        try (HeraldService herald = start()) {
            assertThat(say(ADMIN, "/removefeed world")).contains("comes from the config file", config.toString());
            assertThat(say(ADMIN, "/help")).contains("Admin commands", "/addfeed");
            assertThat(say(USER, "/help")).contains("/subscribe").doesNotContain("Admin commands", "/addfeed");
            assertThat(say(USER, "/reload")).contains("admins only");
            assertThat(say(ADMIN, "/routes")).contains("desk: kursk", "telegram:" + USER);
            assertThat(say(ADMIN, "/addfeed ftp://example.org/feed")).contains("only http and https");
            assertThat(say(ADMIN, "/addfeed " + web.url("/world.xml"))).contains("already poll", "world");
            assertThat(say(ADMIN, "/reload")).contains("reloaded (/reload): nothing changed.");
        }
    }

    @Test
    void anOpmlDocumentSentToTheBotImportsAllOrNothingAndExportSendsOneBack() throws Exception {
        try (HeraldService herald = start()) {
            String bad = """
                    <?xml version="1.0"?>
                    <opml version="2.0"><body>
                      <outline text="Local" type="rss" xmlUrl="%s"/>
                      <outline text="Copy of world" type="rss" xmlUrl="%s"/>
                      <outline text="Mail" type="rss" xmlUrl="mailto:news@example.org"/>
                    </body></opml>
                    """.formatted(web.url("/news/feed.xml"), web.url("/world.xml"));
            String refused = send(ADMIN, "feeds.opml", bad);
            assertThat(refused).contains("Nothing was imported; 2 problem(s)",
                    "feeds.opml:4: duplicate: " + web.url("/world.xml") + " is already feed world",
                    "feeds.opml:5: bad URL \"mailto:news@example.org\"");
            assertThat(say(ADMIN, "/feeds")).doesNotContain("local");

            String good = bad.replace("  <outline text=\"Copy of world\" type=\"rss\" xmlUrl=\"" + web.url("/world.xml")
                    + "\"/>\n", "").replace("  <outline text=\"Mail\" type=\"rss\" xmlUrl=\"mailto:news@example.org\"/>\n",
                    "");
            assertThat(send(USER, "feeds.opml", good)).contains("only read .opml files, and only from Herald's admins");
            assertThat(send(ADMIN, "feeds.opml", good)).contains("Imported 1 feed(s): local");
            Await.until(WAIT, () -> polledOnce(herald, "local"));

            int before = telegram.messagesTo(ADMIN).size();
            telegram.userSends(ADMIN, ADMIN, "/export");
            List<FakeTelegramServer.SentDocument> docs = telegram.awaitDocuments(ADMIN, 1, WAIT);
            assertThat(docs).hasSize(1);
            assertThat(docs.get(0).fileName()).isEqualTo("herald-feeds.opml");
            assertThat(io.herald.feed.Opml.read(docs.get(0).content()))
                    .extracting(io.herald.feed.Opml.Outline::xmlUrl, o -> o.heraldId().orElse(""))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(web.url("/world.xml").toString(), "world"),
                            org.assertj.core.groups.Tuple.tuple(web.url("/news/feed.xml").toString(), "local"));
            assertThat(telegram.messagesTo(ADMIN)).as("the export is a file, not a text").hasSize(before);
            assertThat(say(USER, "/export")).contains("admins only");
        }
    }

    private String send(long chat, String fileName, String content) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSendsDocument(chat, chat, fileName, "text/x-opml", content.getBytes(StandardCharsets.UTF_8));
        List<SentMessage> replies = telegram.awaitMessages(chat, before + 1, WAIT);
        assertThat(replies).as("an answer to %s", fileName).hasSizeGreaterThan(before);
        return replies.get(before).plainText();
    }

    private String say(long chat, String text) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSends(chat, chat, text);
        List<SentMessage> replies = telegram.awaitMessages(chat, before + 1, WAIT);
        assertThat(replies).as("an answer to %s", text).hasSizeGreaterThan(before);
        return replies.get(before).plainText();
    }

    private HeraldService start() throws Exception {
        Files.writeString(config, worldFeed("""
                admins:
                  telegram: [%d]
                routes:
                  - id: desk
                    query: kursk
                    to: ["telegram:%d"]
                    feeds: [world]
                """.formatted(ADMIN, USER), web.url("/world.xml")));
        return ServiceUnderTest.start(config, env(Map.of("HERALD_CONFIG", config.toString()),
                telegramEnv(dir.resolve("herald.db"), TELEGRAM_TOKEN, telegram), slackEnv(SLACK_TOKEN, slack)));
    }
}
