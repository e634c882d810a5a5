package io.herald.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that an alert's "Mute this query" and "Unsubscribe" buttons send. */
class AlertButtonsTest {
    @TempDir
    Path dir;

    private final Destination chat = Destination.telegram(42);
    private final Destination other = Destination.telegram(43);
    private JdbcSubscriptionStore store;
    private CommandRouter router;

    @BeforeEach
    void setUp() {
        store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("b.db")), Clock.systemUTC());
        router = new CommandRouter(store, 5, m -> false, () -> "");
    }

    private String press(Destination where, String data) {
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        return router.handle(new IncomingMessage(where, "7", data)).toString();
    }

    @Test
    void muteStopsAlertsOfThatQueryOnlyAndStartResumesIt() {
        Subscription kursk = store.add(chat, "kursk", "7").orElseThrow();
        Subscription nato = store.add(chat, "nato", "7").orElseThrow();

        assertThat(press(chat, "/mute " + kursk.id())).startsWith("Muted: kursk");

        assertThat(store.active()).extracting(Subscription::id).containsExactly(nato.id());
        router.handle(new IncomingMessage(chat, "7", "/start"));
        assertThat(store.active()).hasSize(2);
    }

    @Test
    void unsubscribeRemovesThatSubscription() {
        Subscription kursk = store.add(chat, "kursk", "7").orElseThrow();

        assertThat(press(chat, "/unsub " + kursk.id())).isEqualTo("Unsubscribed from: kursk");

        assertThat(store.ownedBy(chat)).isEmpty();
    }

    @Test
    void anotherChatsSubscriptionIsLeftAlone() {
        Subscription theirs = store.add(other, "kursk", "8").orElseThrow();

        assertThat(press(chat, "/unsub " + theirs.id())).contains("no longer active here");
        assertThat(press(chat, "/mute " + theirs.id())).contains("no longer active here");

        assertThat(store.active()).extracting(Subscription::id).containsExactly(theirs.id());
    }

    @Test
    void routesAreLeftToAdmins() {
        store.replaceRoutes(List.of(new Subscription(0, chat, "kursk", Optional.of("desk"), null)));
        long route = store.active().get(0).id();

        assertThat(press(chat, "/mute " + route)).contains("only Herald's admins can mute it");
        assertThat(store.active()).hasSize(1);
    }

    @Test
    void garbageIdsAreExplained() {
        assertThat(press(chat, "/mute")).contains("no longer active");
        assertThat(press(chat, "/unsub abc")).contains("no longer active");
    }
}
