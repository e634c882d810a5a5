package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.chat.Replies;
import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.Await;
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
 * Chats shared by many people, through Herald's real wiring, the real telegrambots client and the strict fake Bot
 * API: in a group only its admins ({@code getChatMember}) and Herald's admins change its subscriptions; a command
 * for another bot is ignored; {@code /list} tells the truth about states and routes; a Herald admin's press on a
 * route alert mutes that route for that chat only, across restarts, until {@code /resume}.
 */
class SharedChatsTest {
    private static final String TOKEN = "7000021:shared-chats-token";
    private static final long GROUP = -100_500;
    private static final long OTHER = 5021;
    private static final long MEMBER = 7021;
    private static final long READER = 7023;
    private static final long GROUP_ADMIN = 7022;
    private static final long HERALD_ADMIN = 9021;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();

    @BeforeEach
    void prepareFakes() {
        telegram.addChat(HERALD_ADMIN);
        telegram.addChat(OTHER);
        telegram.makeGroupAdmin(GROUP, GROUP_ADMIN);
        feeds.publish("/world.xml", RSS, rss(item("old", "Old story", "https://news.example.org/old", "Old.")));
    }

    @Test
    void aGroupMemberIsRefusedAndTheGroupsAdminAndHeraldsAdminAreAllowed() throws Exception {
        try (HeraldService herald = start("")) {
            String refused = say(GROUP, MEMBER, "/subscribe kursk");
            assertThat(refused).isEqualTo("Only this group's admins can change its subscriptions.");
            assertThat(telegram.callCount("getChatMember")).as("Telegram was asked about the member").isEqualTo(1);
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(GROUP))).isEmpty();
            assertThat(say(GROUP, MEMBER, "/unsubscribe 1")).isEqualTo(refused);
            assertThat(say(GROUP, MEMBER, "/digest daily 08:00")).isEqualTo(refused);

            assertThat(say(GROUP, GROUP_ADMIN, "/subscribe kursk")).startsWith("Subscribed (#1): kursk");
            assertThat(say(GROUP, HERALD_ADMIN, "/subscribe nato")).startsWith("Subscribed (#2): nato");
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(GROUP))).extracting(Subscription::query)
                    .containsExactly("kursk", "nato");

            // another member reads: MEMBER's commands stay within the 5 in 20 s a user is answered
            assertThat(say(GROUP, READER, "/list")).as("reading is for everyone").contains("1. kursk (active)",
                    "2. nato (active)");
            assertThat(say(GROUP, MEMBER, "/unsubscribe 1")).isEqualTo(refused);
            int asked = telegram.callCount("getChatMember");
            assertThat(say(GROUP, MEMBER, "/subscribe ukraine")).isEqualTo(refused);
            assertThat(telegram.callCount("getChatMember")).as("the answer is remembered briefly").isEqualTo(asked);
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(GROUP))).hasSize(2);

            telegram.userSends(GROUP, GROUP_ADMIN, "/list@other_bot");
            telegram.userSends(GROUP, GROUP_ADMIN, "/subscribe@other_bot ukraine");
            assertThat(say(GROUP, GROUP_ADMIN, "/list@" + FakeTelegramServer.BOT_USERNAME))
                    .as("only the command for this bot was answered").contains("1. kursk");
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(GROUP))).hasSize(2);

            assertThat(say(OTHER, OTHER, "/subscribe kursk")).as("a private chat is the user's own")
                    .startsWith("Subscribed");
        }
    }

    @Test
    void whenTelegramCannotSayWhoAdministersTheGroupTheSenderIsAskedToRetryAndNothingChanges() throws Exception {
        try (HeraldService herald = start("")) {
            telegram.failNextCallOf("getChatMember", 502, "Bad Gateway");
            assertThat(say(GROUP, GROUP_ADMIN, "/subscribe kursk"))
                    .isEqualTo(Replies.cannotTellWhoMayChange().toString());
            assertThat(telegram.callCount("getChatMember")).as("Telegram was asked and failed").isEqualTo(1);
            assertThat(herald.subscriptions().ownedBy(Destination.telegram(GROUP))).isEmpty();

            assertThat(say(GROUP, GROUP_ADMIN, "/subscribe kursk")).as("the failure was not remembered")
                    .startsWith("Subscribed (#1): kursk");
            assertThat(telegram.callCount("getChatMember")).isEqualTo(2);
        }
    }

    @Test
    void aHeraldAdminsPressOnARouteAlertMutesThatRouteForThatChatUntilResume() throws Exception {
        String routes = """
                routes:
                  - id: desk
                    query: kursk
                    to: ["telegram:%d", "telegram:%d"]
                """.formatted(GROUP, OTHER);
        long route;
        try (HeraldService herald = start(routes)) {
            route = herald.subscriptions().allFor(Destination.telegram(GROUP)).get(0).id();
            assertThat(say(GROUP, MEMBER, "/list")).contains("no subscriptions of its own",
                    "Team routes that deliver here", "route desk: kursk (active)");

            awaitFirstPoll(herald);
            publish("kursk-1");
            SentMessage alert = telegram.awaitMessages(GROUP, 2, WAIT).get(1);
            assertThat(alert.plainText()).contains("Kursk");
            assertThat(alert.callbackData()).containsExactly("/mute " + route, "/unsub " + route);
            telegram.awaitMessages(OTHER, 1, WAIT);
            awaitRecorded(herald, alert);

            press(alert, GROUP_ADMIN, "/mute " + route, 1);
            assertThat(lastAnswer()).startsWith("This alert comes from a team route")
                    .contains("only Herald's admins");
            assertThat(herald.subscriptions().isPaused(route)).as("a group admin cannot mute a route").isFalse();

            press(alert, HERALD_ADMIN, "/mute " + route, 2);
            assertThat(lastAnswer()).isEqualTo("Route desk muted in this chat. Press Undo or send /resume to turn it"
                    + " back on.");
            awaitButtons(alert, "/undo " + route);
            assertThat(herald.subscriptions().isPaused(route)).isTrue();
            assertThat(say(GROUP, MEMBER, "/list")).contains("route desk: kursk (muted)", "/resume");

            publish("kursk-1", "kursk-2");
            List<SentMessage> other = telegram.awaitMessages(OTHER, 2, WAIT);
            assertThat(other.get(1).plainText()).as("the route still delivers elsewhere").contains("kursk-2");
            Await.until(WAIT, () -> herald.outbox().counts().getOrDefault(OutboxEntry.Status.PENDING, 0) == 0);
            assertThat(alertsIn(GROUP)).as("no more alerts of the route in the muted chat").hasSize(1);
        }

        try (HeraldService again = start(routes)) {
            assertThat(again.subscriptions().isPaused(route)).as("the mute survives a restart and route reload")
                    .isTrue();
            assertThat(say(GROUP, MEMBER, "/resume")).isEqualTo("Only this group's admins can change its subscriptions.");
            assertThat(say(GROUP, GROUP_ADMIN, "/resume")).isEqualTo(
                    "1 team route(s) here stay muted: only Herald's admins can resume them.");
            assertThat(again.subscriptions().isPaused(route)).isTrue();
            assertThat(say(GROUP, HERALD_ADMIN, "/resume")).isEqualTo(
                    "Active again: 0 subscription(s) and 1 team route(s) of this chat.");
            assertThat(again.subscriptions().isPaused(route)).isFalse();
            awaitFirstPoll(again);
            publish("kursk-1", "kursk-2", "kursk-3");
            Await.upTo(WAIT, () -> alertsIn(GROUP).size() >= 2);
            assertThat(alertsIn(GROUP)).as("alerts of the route come again").hasSize(2);
            assertThat(alertsIn(GROUP).get(1).plainText()).contains("kursk-3");
        }
    }

    private List<SentMessage> alertsIn(long chat) {
        return telegram.messagesTo(chat).stream().filter(m -> !m.callbackData().isEmpty()).toList();
    }

    private void press(SentMessage on, long user, String data, int answersSoFar) throws InterruptedException {
        telegram.userPresses(on, user, data);
        assertThat(telegram.awaitCallbackAnswers(answersSoFar, WAIT)).hasSize(answersSoFar);
    }

    private String lastAnswer() {
        return telegram.lastCallbackAnswer().text();
    }

    private void awaitButtons(SentMessage message, String... expected) throws InterruptedException {
        assertThat(telegram.awaitButtons(message, List.of(expected), WAIT)).containsExactly(expected);
    }

    /** Sends a command and returns the plain text of the reply it got. */
    private String say(long chat, long user, String text) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSends(chat, user, text);
        return telegram.awaitMessages(chat, before + 1, WAIT).get(before).plainText();
    }

    private void publish(String... guids) {
        StringBuilder items = new StringBuilder();
        for (String guid : guids) {
            items.append(item(guid, "Troops move near Kursk (" + guid + ")",
                    "https://news.example.org/world/" + guid, "Officials said units moved towards Kursk."));
        }
        feeds.publish("/world.xml", RSS, rss(items.toString()));
    }

    private HeraldService start(String extraYaml) throws Exception {
        return ServiceUnderTest.start(dir, worldFeed(extraYaml + """
                admins:
                  telegram: [%d]
                """.formatted(HERALD_ADMIN), feeds.url("/world.xml")),
                telegramEnv(dir.resolve("herald.db"), TOKEN, telegram));
    }

    private static void awaitRecorded(HeraldService herald, SentMessage alert) throws InterruptedException {
        Await.until(WAIT, () -> herald.outbox().findSent(Destination.telegram(alert.chatId()),
                Long.toString(alert.messageId())).isPresent());
    }

    private static void awaitFirstPoll(HeraldService herald) throws InterruptedException {
        Await.until(WAIT, () -> polledOnce(herald, "world"));
    }
}
