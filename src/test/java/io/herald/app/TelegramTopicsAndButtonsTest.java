package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.CallbackAnswer;
import io.herald.testsupport.FakeTelegramServer.LinkPreview;
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
 * Forum topics, link previews and alerts whose buttons change in place, through Herald's real wiring against the
 * strict fake Bot API (which checks {@code message_thread_id}, {@code link_preview_options} and button edits).
 */
class TelegramTopicsAndButtonsTest {
    private static final String TOKEN = "7000013:topics-buttons-token";
    private static final long FORUM = -1001300000001L;
    private static final long CHAT = 5013;
    private static final long OTHER = 5014;
    private static final long USER = 7013;
    private static final long ADMIN = 9013;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KURSK_LINK = "https://news.example.org/world/kursk";

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();

    @BeforeEach
    void prepareFakes() {
        telegram.addChat(ADMIN);
        feeds.publish("/world.xml", RSS, rss(item("old", "Old story", "https://news.example.org/old", "Old.")));
    }

    @Test
    void aSubscriptionMadeInsideATopicDeliversIntoThatTopicWithALargePreview() throws Exception {
        long topic = telegram.openTopic(FORUM);
        telegram.makeGroupAdmin(FORUM, USER);
        try (HeraldService herald = start("")) {
            telegram.userSendsInTopic(FORUM, topic, USER, "/subscribe kursk");
            SentMessage reply = telegram.awaitMessages(FORUM, 1, WAIT).get(0);
            assertThat(reply.plainText()).startsWith("Subscribed");
            assertThat(reply.threadId()).as("the reply stays in the topic").contains(topic);
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(FORUM, topic))).hasSize(1);

            awaitFirstPoll(herald);
            publishKursk("kursk-1");
            SentMessage alert = telegram.awaitMessages(FORUM, 2, WAIT).get(1);
            assertThat(alert.plainText()).contains("Kursk");
            assertThat(alert.threadId()).as("the alert goes into the topic").contains(topic);
            assertThat(alert.linkPreview()).isEqualTo(new LinkPreview(false, Optional.of(KURSK_LINK), false, true,
                    true));
        }
    }

    @Test
    void aRouteNamesATopicAndAClosedTopicPausesItAndTellsTheAdmins() throws Exception {
        long topic = telegram.openTopic(FORUM);
        try (HeraldService herald = start("""
                routes:
                  - id: desk
                    query: kursk
                    to: ["telegram:%d/%d"]
                    preview: small
                """.formatted(FORUM, topic))) {
            awaitFirstPoll(herald);
            publishKursk("kursk-1");
            SentMessage alert = telegram.awaitMessages(FORUM, 1, WAIT).get(0);
            assertThat(alert.threadId()).contains(topic);
            assertThat(alert.linkPreview()).isEqualTo(new LinkPreview(false, Optional.of(KURSK_LINK), true, false,
                    false));

            telegram.closeTopic(FORUM, topic);
            publishKursk("kursk-1", "kursk-2");
            List<SentMessage> notices = telegram.awaitMessages(ADMIN, 1, WAIT);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).plainText()).contains("telegram:" + FORUM + "/" + topic, "route desk", "paused",
                    "TOPIC_CLOSED", "Reopen the topic");
            assertThat(herald.subscriptions().active()).as("the topic's route is paused").isEmpty();
            assertThat(telegram.messagesTo(FORUM)).as("nothing more went into the closed topic").hasSize(1);
        }
    }

    @Test
    void previewNoneInAChatTurnsItsPreviewsOff() throws Exception {
        try (HeraldService herald = start("")) {
            say(CHAT, "/subscribe kursk", "Subscribed");
            say(CHAT, "/preview none", "Done: alerts show no link preview.");
            awaitFirstPoll(herald);
            publishKursk("kursk-1");
            SentMessage alert = telegram.awaitMessages(CHAT, 3, WAIT).get(2);
            assertThat(alert.plainText()).contains("Kursk");
            assertThat(alert.linkPreview().disabled()).isTrue();
        }
    }

    @Test
    void buttonsChangeTheAlertInPlaceAndUndoRestoresIt() throws Exception {
        try (HeraldService herald = start("")) {
            say(CHAT, "/subscribe kursk", "Subscribed");
            long id = herald.subscriptions().ownedBy(Destination.telegram(CHAT)).get(0).id();
            awaitFirstPoll(herald);
            publishKursk("kursk-1");
            SentMessage alert = telegram.awaitMessages(CHAT, 2, WAIT).get(1);
            assertThat(alert.callbackData()).containsExactly("/mute " + id, "/unsub " + id);
            awaitRecorded(herald, alert);

            press(alert, "/mute " + id, 1);
            assertThat(telegram.lastCallbackAnswer().text()).startsWith("Muted: kursk");
            awaitButtons(alert, "/undo " + id);
            assertThat(herald.subscriptions().isPaused(id)).isTrue();
            assertThat(telegram.editCount()).isEqualTo(1);

            press(alert, "/undo " + id, 2);
            assertThat(telegram.lastCallbackAnswer().text()).startsWith("Active again: kursk");
            awaitButtons(alert, "/mute " + id, "/unsub " + id);
            assertThat(herald.subscriptions().isPaused(id)).isFalse();

            press(alert, "/unsub " + id, 3);
            awaitButtons(alert, "/undo " + id);
            assertThat(herald.subscriptions().find(id)).isEmpty();

            press(alert, "/undo " + id, 4);
            assertThat(telegram.lastCallbackAnswer().text()).startsWith("Subscribed again: kursk");
            awaitButtons(alert, "/mute " + id, "/unsub " + id);
            assertThat(herald.subscriptions().find(id)).map(Subscription::query).contains("kursk");
            assertThat(telegram.messagesTo(CHAT)).as("presses post no new messages").hasSize(2);

            say(CHAT, "/unsubscribe 1", "Unsubscribed from #1");
            int edits = telegram.editCount();
            press(alert, "/mute " + id, 5);
            assertThat(telegram.lastCallbackAnswer().text()).as("a press on a stale alert")
                    .startsWith("That subscription is no longer active here");
            assertThat(telegram.editCount()).isEqualTo(edits);
            assertThat(herald.subscriptions().find(id)).isEmpty();
        }
    }

    @Test
    void aForgedPressForAnotherChatsSubscriptionIsRefused() throws Exception {
        try (HeraldService herald = start("")) {
            say(CHAT, "/subscribe kursk", "Subscribed");
            say(OTHER, "/subscribe kursk OR nato", "Subscribed");
            long mine = herald.subscriptions().ownedBy(Destination.telegram(CHAT)).get(0).id();
            long theirs = herald.subscriptions().ownedBy(Destination.telegram(OTHER)).get(0).id();
            awaitFirstPoll(herald);
            publishKursk("kursk-1");
            SentMessage alert = telegram.awaitMessages(CHAT, 2, WAIT).get(1);
            SentMessage theirAlert = telegram.awaitMessages(OTHER, 2, WAIT).get(1);
            awaitRecorded(herald, alert);
            awaitRecorded(herald, theirAlert);

            press(alert, "/unsub " + theirs, 1);
            press(theirAlert, "/mute " + mine, 2);
            press(telegram.messagesTo(CHAT).get(0), "/mute " + mine, 3);

            assertThat(telegram.callbackAnswers()).extracting(CallbackAnswer::text)
                    .as("each crafted press arrived and was answered").hasSize(3)
                    .allSatisfy(text -> assertThat(text).startsWith("This button does not belong"));
            assertThat(herald.subscriptions().find(theirs)).as("the other chat's subscription is untouched")
                    .isPresent();
            assertThat(herald.subscriptions().isPaused(theirs)).isFalse();
            assertThat(herald.subscriptions().isPaused(mine)).isFalse();
            assertThat(telegram.editCount()).as("no alert was changed").isZero();
            assertThat(telegram.current(alert).callbackData()).containsExactly("/mute " + mine, "/unsub " + mine);
        }
    }

    private void press(SentMessage on, String data, int answersSoFar) throws InterruptedException {
        telegram.userPresses(on, on.chatId() == OTHER ? OTHER : USER, data);
        assertThat(telegram.awaitCallbackAnswers(answersSoFar, WAIT)).hasSize(answersSoFar);
    }

    /** Waits until the message's buttons carry {@code expected}, then checks they do. */
    private void awaitButtons(SentMessage message, String... expected) throws InterruptedException {
        assertThat(telegram.awaitButtons(message, List.of(expected), WAIT)).containsExactly(expected);
    }

    private void say(long chat, String text, String answerStart) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSends(chat, chat == OTHER ? OTHER : USER, text);
        assertThat(telegram.awaitMessages(chat, before + 1, WAIT).get(before).plainText()).startsWith(answerStart);
    }

    private void publishKursk(String... guids) {
        StringBuilder items = new StringBuilder();
        for (String guid : guids) {
            items.append(item(guid, "Troops move near Kursk (" + guid + ")", KURSK_LINK + (guid.equals("kursk-1")
                    ? "" : "-" + guid), "Officials said units moved towards Kursk overnight."));
        }
        feeds.publish("/world.xml", RSS, rss(items.toString()));
    }

    private HeraldService start(String extraYaml) throws Exception {
        return ServiceUnderTest.start(dir, worldFeed(extraYaml + """
                admins:
                  telegram: [%d]
                """.formatted(ADMIN), feeds.url("/world.xml")), telegramEnv(dir.resolve("herald.db"), TOKEN, telegram));
    }

    /** Waits until Herald has recorded the alert as sent (a user's press can come only after it arrived). */
    private static void awaitRecorded(HeraldService herald, SentMessage alert) throws InterruptedException {
        Await.until(WAIT, () -> herald.outbox().findSent(Destination.telegram(alert.chatId()),
                Long.toString(alert.messageId())).isPresent());
    }

    private static void awaitFirstPoll(HeraldService herald) throws InterruptedException {
        Await.until(WAIT, () -> polledOnce(herald, "world"));
    }
}
