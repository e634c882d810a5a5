package io.herald.app;

import static io.herald.app.HeraldEndToEndTest.item;
import static io.herald.app.HeraldEndToEndTest.rss;
import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.polledOnce;
import static io.herald.app.ServiceUnderTest.slackEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static io.herald.testsupport.FeedServer.RSS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.model.Destination;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeSlackServer.PostedMessage;
import io.herald.testsupport.FakeSlackSocketMode;
import io.herald.testsupport.FeedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack over Socket Mode with the real Slack SDK (Java-WebSocket backend) against the fake Slack: its Web API and its
 * Socket Mode server, which checks every acknowledgement (within 3 s, by envelope id, once).
 */
class SlackSocketModeTest {
    private static final String BOT_TOKEN = "xoxb-2222-3333-socketmodetest";
    private static final String APP_TOKEN = "xapp-1-A0FAKEAPP-4444-socketmodetest";
    private static final String CHANNEL = "C0SOCKET1";
    private static final String OTHER_CHANNEL = "C0SOCKET2";
    private static final String USER = "U0SOCKET1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeSlackServer slack = FakeSlackServer.start(BOT_TOKEN);
    private FakeSlackSocketMode socket;
    @AutoClose
    private final FeedServer feeds = FeedServer.start();

    @BeforeEach
    void prepareFakes() {
        slack.addChannel(CHANNEL).addChannel(OTHER_CHANNEL).memberOf(USER, CHANNEL);
        socket = slack.enableSocketMode(APP_TOKEN);
        feeds.publish("/world.xml", RSS, rss(item("old", "Old story", "https://news.example.org/old", "Old.")));
    }

    @Test
    void aSlashCommandIsAnsweredInItsAcknowledgement() throws Exception {
        try (HeraldService herald = start()) {
            socket.awaitConnection(0, WAIT);
            FakeSlackSocketMode.Ack ack = command(CHANNEL, "subscribe \"north korea\" OR kursk");
            assertThat(ack.payload().path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(ack.payload().path("text").asText()).startsWith("Subscribed");
            assertThat(herald.subscriptions().ownedBy(Destination.slack(CHANNEL))).singleElement()
                    .satisfies(s -> assertThat(s.query()).isEqualTo("\"north korea\" OR kursk"));
            assertThat(command(CHANNEL, "").payload().path("text").asText()).contains("/herald subscribe &lt;query&gt; - get alerts").doesNotContain("\n/subscribe");
            assertThat(socket.violations()).isEmpty();
        }
    }

    @Test
    void aButtonPressChangesTheAlertInPlaceAndUndoRestoresIt() throws Exception {
        try (HeraldService herald = start()) {
            socket.awaitConnection(0, WAIT);
            command(CHANNEL, "subscribe kursk");
            command(OTHER_CHANNEL, "subscribe nato");
            long id = herald.subscriptions().ownedBy(Destination.slack(CHANNEL)).get(0).id();
            long theirs = herald.subscriptions().ownedBy(Destination.slack(OTHER_CHANNEL)).get(0).id();
            awaitFirstPoll(herald);
            feeds.publish("/world.xml", RSS, rss(item("k1", "Troops move near Kursk",
                    "https://news.example.org/kursk", "Officials said units moved towards Kursk.")));
            PostedMessage alert = slack.awaitMessages(CHANNEL, 1, WAIT).get(0);
            assertThat(values(alert)).containsExactly("/mute " + id, "/unsub " + id);
            Await.until(WAIT, () -> herald.outbox().findSent(Destination.slack(CHANNEL), alert.ts()).isPresent());

            press(alert, "herald_mute", "/mute " + id);
            assertThat(awaitEphemeral(1)).startsWith("Muted: kursk");
            awaitValues(alert, "/undo " + id);
            assertThat(herald.subscriptions().isPaused(id)).isTrue();

            press(alert, "herald_undo", "/undo " + id);
            assertThat(awaitEphemeral(2)).startsWith("Active again: kursk");
            awaitValues(alert, "/mute " + id, "/unsub " + id);
            assertThat(herald.subscriptions().isPaused(id)).isFalse();

            int updates = slack.updateCount();
            press(alert, "herald_unsub", "/unsub " + theirs);
            assertThat(awaitEphemeral(3)).startsWith("This button does not belong");
            assertThat(herald.subscriptions().find(theirs)).as("another channel's subscription is untouched")
                    .isPresent();
            assertThat(slack.updateCount()).isEqualTo(updates);
            assertThat(slack.messagesTo(CHANNEL)).as("presses post no new messages").hasSize(1);
            assertThat(socket.violations()).isEmpty();
        }
    }

    @Test
    void theAppHomeShowsTheUsersChannelsSubscriptionsWithButtons() throws Exception {
        try (HeraldService herald = start()) {
            socket.awaitConnection(0, WAIT);
            command(CHANNEL, "subscribe kursk");
            command(OTHER_CHANNEL, "subscribe nato");
            long id = herald.subscriptions().ownedBy(Destination.slack(CHANNEL)).get(0).id();
            long theirs = herald.subscriptions().ownedBy(Destination.slack(OTHER_CHANNEL)).get(0).id();

            String opened = socket.openAppHome(USER);
            assertThat(socket.awaitAck(opened, WAIT).payload()).isNull();
            JsonNode view = slack.awaitHomeView(USER, v -> true, WAIT);
            assertThat(view).isNotNull();
            assertThat(view.toString()).contains("<#" + CHANNEL + ">", "kursk", "herald_home_mute")
                    .doesNotContain("nato", OTHER_CHANNEL);

            socket.awaitAck(socket.pressHomeButton(USER, "herald_home_mute", Long.toString(id)), WAIT);
            view = slack.awaitHomeView(USER, v -> v.toString().contains("(muted)"), WAIT);
            assertThat(view.toString()).contains("(muted)", "herald_home_resume");
            assertThat(herald.subscriptions().isPaused(id)).isTrue();

            socket.awaitAck(socket.pressHomeButton(USER, "herald_home_remove", Long.toString(theirs)), WAIT);
            Thread.sleep(500);
            assertThat(herald.subscriptions().find(theirs)).as("not a channel of this user: refused").isPresent();
            assertThat(socket.violations()).isEmpty();
        }
    }

    @Test
    void reconnectsAfterTheSocketDropsAndAfterADisconnectRequestWithoutLosingACommand() throws Exception {
        try (HeraldService herald = start()) {
            socket.awaitConnection(0, WAIT);
            int before = socket.connectionsOpened();
            socket.dropConnections();
            String envelope = socket.slashCommand(CHANNEL, USER, "subscribe kursk");
            socket.awaitConnection(before, WAIT);
            assertThat(socket.awaitAck(envelope, WAIT).payload().path("text").asText()).startsWith("Subscribed");
            assertThat(herald.subscriptions().ownedBy(Destination.slack(CHANNEL))).hasSize(1);

            int beforeRefresh = socket.connectionsOpened();
            socket.requestDisconnect();
            socket.awaitConnection(beforeRefresh, WAIT);
            assertThat(command(CHANNEL, "list").payload().path("text").asText()).contains("1. `kursk` (active)");
            assertThat(socket.violations()).isEmpty();
        }
    }

    @Test
    void withChannelsForAdminsOnlyOthersAreRefusedByCommandAndOnTheAppHome() throws Exception {
        try (HeraldService herald = start("""
                admins:
                  slack: [U0ADMIN01]
                  slack_channels: admins
                """)) {
            socket.awaitConnection(0, WAIT);
            assertThat(command(CHANNEL, "subscribe kursk").payload().path("text").asText())
                    .isEqualTo("Only Herald's admins can change this channel's subscriptions.");
            assertThat(herald.subscriptions().ownedBy(Destination.slack(CHANNEL))).isEmpty();
            long id = herald.subscriptions().add(Destination.slack(CHANNEL), "kursk", "U0ADMIN01").orElseThrow().id();
            assertThat(command(CHANNEL, "list").payload().path("text").asText()).contains("1. `kursk` (active)");

            socket.awaitAck(socket.openAppHome(USER), WAIT);
            slack.awaitHomeView(USER, v -> v.toString().contains("kursk"), WAIT);
            socket.awaitAck(socket.pressHomeButton(USER, "herald_home_mute", Long.toString(id)), WAIT);
            Thread.sleep(500);
            assertThat(herald.subscriptions().isPaused(id)).as("the home button refused a non-admin").isFalse();
            assertThat(socket.violations()).isEmpty();
        }
    }

    private FakeSlackSocketMode.Ack command(String channel, String text) throws InterruptedException {
        FakeSlackSocketMode.Ack ack = socket.awaitAck(socket.slashCommand(channel, USER, text), WAIT);
        assertThat(ack.after()).isLessThan(FakeSlackSocketMode.ACK_DEADLINE);
        return ack;
    }

    private void press(PostedMessage alert, String actionId, String value) throws InterruptedException {
        PostedMessage now = slack.messagesTo(CHANNEL).stream().filter(m -> m.ts().equals(alert.ts())).findFirst()
                .orElseThrow();
        socket.awaitAck(socket.pressButton(now, USER, actionId, value), WAIT);
    }

    private String awaitEphemeral(int n) throws InterruptedException {
        List<String> texts = slack.awaitEphemerals(CHANNEL, USER, n, WAIT);
        assertThat(texts).hasSize(n);
        return texts.get(n - 1);
    }

    private void awaitValues(PostedMessage alert, String... expected) throws InterruptedException {
        Await.until(WAIT, () -> values(current(alert)).equals(List.of(expected)));
        assertThat(values(current(alert))).containsExactly(expected);
    }

    private PostedMessage current(PostedMessage alert) {
        return slack.messagesTo(CHANNEL).stream().filter(m -> m.ts().equals(alert.ts())).findFirst().orElseThrow();
    }

    /** The values of the message's buttons that carry a command. */
    private static List<String> values(PostedMessage message) {
        List<String> values = new ArrayList<>();
        message.blocks().findValues("value").forEach(v -> {
            if (v.asText().startsWith("/")) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private HeraldService start() throws Exception {
        return start("");
    }

    private HeraldService start(String extraYaml) throws Exception {
        return ServiceUnderTest.start(dir, worldFeed(extraYaml, feeds.url("/world.xml")),
                env(Map.of("HERALD_DB", dir.resolve("herald.db").toString(), "SLACK_APP_TOKEN", APP_TOKEN),
                        slackEnv(BOT_TOKEN, slack)));
    }

    private static void awaitFirstPoll(HeraldService herald) throws InterruptedException {
        Await.until(WAIT, () -> polledOnce(herald, "world"));
    }
}
