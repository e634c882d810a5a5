package io.herald.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandRouterTest {
    @TempDir
    Path dir;

    private final Destination chat = Destination.telegram(42);
    private CommandRouter router;
    private JdbcSubscriptionStore store;

    @BeforeEach
    void setUp() {
        store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("c.db")), Clock.systemUTC());
        router = new CommandRouter(store, 3, m -> m.userId().equals("1"), () -> "status report");
    }

    private String say(String text) {
        return router.handle(new IncomingMessage(chat, "7", text)).toString();
    }

    @Test
    void subscribeListUnsubscribeRoundTrip() {
        assertThat(say("/subscribe \"north korea\" OR kursk")).startsWith("Subscribed (#1): \"north korea\" OR kursk");
        assertThat(say("/subscribe@HeraldBot nato")).startsWith("Subscribed (#2): nato");
        assertThat(say("/list")).contains("1. \"north korea\" OR kursk", "2. nato");
        assertThat(say("/unsubscribe 1")).isEqualTo("Unsubscribed from #1: \"north korea\" OR kursk");
        assertThat(say("/list")).contains("1. nato").doesNotContain("kursk");
    }

    @Test
    void whenThePlatformCannotSayWhoAdministersTheGroupNothingChangesAndTheSenderIsToldToRetry() {
        Destination group = Destination.telegram(-100_42);
        ChatRole unknown = () -> {
            throw new ChatRole.Unknown("getChatMember failed: 502");
        };
        assertThat(router.handle(new IncomingMessage(group, "7", "/subscribe kursk", unknown)))
                .isEqualTo(Replies.cannotTellWhoMayChange());
        assertThat(store.ownedBy(group)).isEmpty();
        assertThat(router.handle(new IncomingMessage(group, "7", "/list", unknown)).toString())
                .as("reading needs no role").doesNotContain("could not ask");
        assertThat(router.handle(new IncomingMessage(group, "1", "/subscribe kursk", unknown)).toString())
                .as("Herald's admins need no answer from the platform").startsWith("Subscribed");
    }

    @Test
    void badQueryGetsItsProblemAndPosition() {
        assertThat(say("/subscribe nato AND")).contains("position").contains("/help");
        assertThat(store.ownedBy(chat)).isEmpty();
    }

    @Test
    void duplicateAndCapAreExplained() {
        say("/subscribe a");
        assertThat(say("/subscribe a")).startsWith("You are already subscribed");
        say("/subscribe b");
        say("/subscribe c");
        assertThat(say("/subscribe d")).contains("already has 3 subscriptions");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/unsubscribe|Which one?",
        "/unsubscribe x|is not a number",
        "/unsubscribe 5|You have no subscriptions to remove.",
        "/subscribe|Tell me what to watch for",
        "/frobnicate|I don't know the command /frobnicate. Send /help",
        "hello there|I only understand commands",
        "/list|You have no subscriptions yet",
        "/status|Only Herald's admins",
        "/help|/subscribe <query>",
        "/start|Hi, I'm Herald",
    })
    void everyMessageGetsAHelpfulAnswer(String message, String expected) {
        assertThat(say(message)).contains(expected);
    }

    @Test
    void adminsGetTheStatusReport() {
        assertThat(router.handle(new IncomingMessage(chat, "1", "/status")).toString()).isEqualTo("status report");
    }

    @Test
    void startResumesPausedSubscriptions() {
        say("/subscribe kursk");
        store.setPaused(chat, true);
        assertThat(say("/start")).startsWith("Welcome back");
        assertThat(store.active()).hasSize(1);
    }
}
