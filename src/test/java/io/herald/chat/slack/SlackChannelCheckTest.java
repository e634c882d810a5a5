package io.herald.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.chat.CommandRouter;
import io.herald.chat.IncomingMessage;
import io.herald.deliver.slack.SlackSender;
import io.herald.model.Destination;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.testsupport.FakeSlackServer;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Slack channel the bot is not in cannot subscribe: {@code conversations.info} (real SDK, strict fake) says
 * {@code is_member: false}, or {@code channel_not_found} for a private channel it was not invited to, and the reply
 * says how to invite it. Channels it is in, and direct messages, subscribe as before.
 */
class SlackChannelCheckTest {
    private static final String TOKEN = "xoxb-6001-channel-check";

    @TempDir
    Path dir;

    @Test
    void refusesChannelsTheBotIsNotInWithHowToInviteIt() {
        try (FakeSlackServer slack = FakeSlackServer.start(TOKEN); SlackSender sender = new SlackSender(TOKEN,
                slack.apiUrl())) {
            slack.addChannel("C0IN").addChannel("C0OUT").notMember("C0OUT").addChannel("G0SECRET")
                    .notMember("G0SECRET").addChannel("D0DM");
            JdbcSubscriptionStore store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("s.db")),
                    Clock.systemUTC());
            CommandRouter router = new CommandRouter(store, 10, m -> false, () -> "")
                    .checkDestinations(new SlackChannelCheck(sender));

            String out = router.handle(new IncomingMessage(Destination.slack("C0OUT"), "U1", "/subscribe kursk")).toString();
            assertThat(out).startsWith("I'm not in this channel").contains("/invite @Herald");
            assertThat(router.handle(new IncomingMessage(Destination.slack("G0SECRET"), "U1", "/subscribe kursk")).toString())
                    .startsWith("I'm not in this channel");
            assertThat(store.ownedBy(Destination.slack("C0OUT"))).isEmpty();
            assertThat(store.ownedBy(Destination.slack("G0SECRET"))).isEmpty();

            assertThat(router.handle(new IncomingMessage(Destination.slack("C0IN"), "U1", "/subscribe kursk")).toString())
                    .startsWith("Subscribed (#1)");
            assertThat(router.handle(new IncomingMessage(Destination.slack("D0DM"), "U1", "/subscribe kursk")).toString())
                    .startsWith("Subscribed (#1)");
            assertThat(router.handle(new IncomingMessage(Destination.telegram(5), "1", "/subscribe kursk")).toString())
                    .startsWith("Subscribed (#1)");
        }
    }
}
