package io.herald.app;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Herald's real wiring ({@link HeraldService#start}, as {@code herald run} uses it) against strict local fakes of
 * the Telegram Bot API and the Slack Web API and a local feed server, all on 127.0.0.1.
 */
class HeraldEndToEndTest {
    private static final String TELEGRAM_TOKEN = "123456789:AAtestTOKENtestTOKENtestTOKEN";
    private static final String SLACK_TOKEN = "xoxb-1111-2222-testtoken";
    private static final String CHANNEL = "C0123ABCD";
    private static final long CHAT = 5001;
    private static final long USER = 7001;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String KURSK_TITLE = "NATO: North Korea has sent troops to Russia's Kursk region";
    private static final String KURSK_LINK = "https://news.example.org/world/nato-north-korea-kursk";

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TELEGRAM_TOKEN);
    @AutoClose
    private final FakeSlackServer slack = FakeSlackServer.start(SLACK_TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();

    @BeforeEach
    void prepareFakes() {
        slack.addChannel(CHANNEL);
        feeds.publish("/world.xml", RSS, rss(item("rates", "Central bank holds rates steady",
                "https://news.example.org/world/rates", "Policy makers kept the main rate at 3.25%.")));
    }

    @Test
    void subscriberAndSlackRouteEachGetExactlyOneValidAlert() throws Exception {
        try (HeraldService herald = start()) {
            subscribe("/subscribe \"north korea\"");
            awaitFirstPoll(herald);

            feeds.publish("/world.xml", RSS, rss(kurskItem(), unrelatedItem(), item("rates",
                    "Central bank holds rates steady", "https://news.example.org/world/rates", "Unchanged.")));

            List<SentMessage> chat = telegram.awaitMessages(CHAT, 2, WAIT);
            assertThat(chat).hasSize(2);
            SentMessage alert = chat.get(1);
            assertThat(alert.parseMode()).contains("HTML");
            assertThat(alert.text()).contains("<a href=\"" + KURSK_LINK + "\">");
            assertThat(alert.plainText()).contains(KURSK_TITLE, "NATO said on Monday", KURSK_LINK)
                    .doesNotContain("Derby");

            List<FakeSlackServer.PostedMessage> posted = slack.awaitMessages(CHANNEL, 1, WAIT);
            assertThat(posted).hasSize(1);
            assertThat(posted.get(0).allText()).contains("North Korea has sent troops", KURSK_LINK);

            int polls = feeds.requestCount("/world.xml");
            Await.until(WAIT, () -> feeds.requestCount("/world.xml") >= polls + 3);
            Thread.sleep(1500);
            assertThat(telegram.messagesTo(CHAT)).as("no duplicate alerts on later polls").hasSize(2);
            assertThat(slack.messagesTo(CHANNEL)).hasSize(1);
            assertThat(telegram.sendsInsideRetryWindow()).isZero();
        }
    }

    @Test
    void restartKeepsSubscriptionsAndNeverRepeatsAnAlert() throws Exception {
        try (HeraldService herald = start()) {
            subscribe("/subscribe kursk OR \"north korea\"");
            awaitFirstPoll(herald);
            feeds.publish("/world.xml", RSS, rss(kurskItem()));
            assertThat(telegram.awaitMessages(CHAT, 2, WAIT)).hasSize(2);
        }

        try (HeraldService herald = start()) {
            telegram.userSends(CHAT, USER, "/list");
            List<SentMessage> afterList = telegram.awaitMessages(CHAT, 3, WAIT);
            assertThat(afterList.get(2).plainText()).contains("1. kursk OR \"north korea\"");

            feeds.publish("/world.xml", RSS, rss(kurskItem(), item("kursk-2", "Evacuations continue near Kursk",
                    "https://news.example.org/world/kursk-evacuations", "Officials said buses left at dawn.")));
            List<SentMessage> all = telegram.awaitMessages(CHAT, 4, WAIT);
            assertThat(all).hasSize(4);
            assertThat(all.get(3).plainText()).contains("Evacuations continue near Kursk");

            int polls = feeds.requestCount("/world.xml");
            Await.until(WAIT, () -> feeds.requestCount("/world.xml") >= polls + 3);
            Thread.sleep(1500);
            assertThat(telegram.messagesTo(CHAT)).as("the first story is not alerted again after restart").hasSize(4);
        }
    }

    @Test
    void everyChatMessageGetsAnAnswer() throws Exception {
        try (HeraldService herald = start()) {
            telegram.userSends(CHAT, USER, "hello");
            telegram.userSends(CHAT, USER, "/subscribe (nato");
            telegram.userSends(CHAT, USER, "/whatever");
            List<SentMessage> answers = telegram.awaitMessages(CHAT, 3, WAIT);
            assertThat(answers).extracting(SentMessage::plainText).satisfiesExactly(
                    a -> assertThat(a).contains("/help"),
                    a -> assertThat(a).contains("position 1: \"(\" is never closed").contains("/help"),
                    a -> assertThat(a).contains("/whatever").contains("/help"));
        }
    }

    @Test
    void aFeedThatKeepsFailingIsPausedAndTheAdminsAreToldInChat() throws Exception {
        long admin = 9001;
        telegram.addChat(admin);
        feeds.status("/world.xml", 500);
        try (HeraldService herald = start("""
                admins:
                  telegram: [%d]
                defaults:
                  max_failures: 2
                """.formatted(admin))) {
            List<SentMessage> notices = telegram.awaitMessages(admin, 1, WAIT);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).plainText()).contains("world").contains("paused");
            assertThat(herald.feeds().find("world").orElseThrow().paused()).isTrue();
            int polls = feeds.requestCount("/world.xml");
            Thread.sleep(2500);
            assertThat(feeds.requestCount("/world.xml")).as("a paused feed is not polled").isEqualTo(polls);
        }
    }

    private HeraldService start() throws Exception {
        return start("");
    }

    private HeraldService start(String extraYaml) throws Exception {
        return ServiceUnderTest.start(dir, worldFeed(extraYaml + """
                routes:
                  - id: security-desk
                    query: '"north korea" OR kursk'
                    to: ["slack:%s"]
                """.formatted(CHANNEL), feeds.url("/world.xml")),
                env(telegramEnv(dir.resolve("herald.db"), TELEGRAM_TOKEN, telegram), slackEnv(SLACK_TOKEN, slack)));
    }

    private void subscribe(String command) {
        int before = telegram.messagesTo(CHAT).size();
        telegram.userSends(CHAT, USER, command);
        List<SentMessage> replies = telegram.awaitMessages(CHAT, before + 1, WAIT);
        assertThat(replies.get(before).plainText()).startsWith("Subscribed");
    }

    private static void awaitFirstPoll(HeraldService herald) throws InterruptedException {
        Await.until(WAIT, () -> polledOnce(herald, "world"));
    }

    private static String kurskItem() {
        return item("kursk", KURSK_TITLE, KURSK_LINK, "<p>NATO said on Monday that North Korea has sent troops to"
                + " Russia's Kursk region &amp; called it an escalation.</p><p>Several thousand soldiers moved west.</p>");
    }

    private static String unrelatedItem() {
        return item("derby", "Derby ends in a draw", "https://news.example.org/sport/derby",
                "A late equaliser settled the match.");
    }

    static String item(String guid, String title, String link, String descriptionHtml) {
        return """
                <item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid>
                <pubDate>Mon, 30 Nov 2026 07:05:00 GMT</pubDate><description><![CDATA[%s]]></description></item>
                """.formatted(title.replace("&", "&amp;"), link, guid, descriptionHtml);
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>World</title>"
                + "<link>https://news.example.org/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

}
