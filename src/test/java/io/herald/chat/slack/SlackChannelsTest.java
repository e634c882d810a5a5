package io.herald.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.chat.ChatRole;
import io.herald.chat.CommandRouter;
import io.herald.config.ConfigLoader;
import io.herald.model.Destination;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.testsupport.FakeSlackMrkdwn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack switch {@code admins.slack_channels}: by default anyone in a channel changes its subscriptions; with
 * {@code admins} only Herald's admins do, while direct messages stay the user's own. Answers are mrkdwn that speaks
 * Slack's commands.
 */
class SlackChannelsTest {
    @TempDir
    Path dir;

    @Test
    void channelsAreOpenByDefaultAndForHeraldsAdminsOnlyWhenConfigured() throws Exception {
        JdbcSubscriptionStore store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("s.db")),
                Clock.systemUTC());
        CommandRouter router = new CommandRouter(store, 5, m -> m.userId().equals("UADMIN1"), () -> "");

        String open = SlackCommandEndpoint.answer(SlackCommandEndpoint.inChannels(router, ChatRole.ANYONE),
                "C0001", "UUSER1", "subscribe \"kursk & <nato>\"");
        assertThat(FakeSlackMrkdwn.problems(open)).isEmpty();
        assertThat(FakeSlackMrkdwn.visibleText(open)).startsWith("Subscribed (#1): `\"kursk & <nato>\"`")
                .contains("/herald list shows all your subscriptions");

        var closed = SlackCommandEndpoint.inChannels(router, ChatRole.HERALD_ADMINS_ONLY);
        assertThat(SlackCommandEndpoint.answer(closed, "C0001", "UUSER1", "subscribe nato"))
                .isEqualTo("Only Herald's admins can change this channel's subscriptions.");
        assertThat(SlackCommandEndpoint.answer(closed, "C0001", "UUSER1", "list")).contains("kursk");
        assertThat(SlackCommandEndpoint.answer(closed, "C0001", "UADMIN1", "subscribe nato")).startsWith("Subscribed");
        assertThat(SlackCommandEndpoint.answer(closed, "D0001", "UUSER1", "subscribe nato"))
                .as("a direct message is the user's own").startsWith("Subscribed");
        assertThat(store.ownedBy(Destination.slack("C0001"))).hasSize(2);
        assertThat(SlackCommandEndpoint.answer(closed, "C0001", "UUSER1", ""))
                .as("/herald alone is help, in Slack's words").contains("/herald subscribe &lt;query&gt;")
                .doesNotContain("\n/subscribe");
    }

    @Test
    void theConfigKeyReadsAnyoneOrAdminsAndRefusesAnythingElse() throws Exception {
        Path config = dir.resolve("herald.yml");
        String base = """
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                admins:
                  slack: [U0123ABCD]
                """;
        Files.writeString(config, base);
        assertThat(ConfigLoader.load(config).config().admins().slackChannelsAdminsOnly()).isFalse();
        Files.writeString(config, base + "  slack_channels: admins\n");
        assertThat(ConfigLoader.load(config).config().admins().slackChannelsAdminsOnly()).isTrue();
        Files.writeString(config, base + "  slack_channels: everyone\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(config))
                .hasMessageContaining("herald.yml:6: admins: slack_channels is anyone");
    }
}
