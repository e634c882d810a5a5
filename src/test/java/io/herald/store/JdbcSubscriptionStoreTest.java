package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.testsupport.OnBothDatabases;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JdbcSubscriptionStoreTest extends OnBothDatabases {

    private final Destination chat = Destination.telegram(42);

    @Test
    void theSameSubscriptionAddedTwiceAtOnceIsAddedOnceAndTheSecondIsAlready() throws Exception {
        Database db = database.open();
        var store = new JdbcSubscriptionStore(db, Clock.systemUTC());
        Thread other = StoreTestSupport.holdOpen(db, "another node's /subscribe", c -> Jdbc.update(c,
                "INSERT INTO subscriptions (destination, query, created_by, created_at) VALUES (?, ?, ?, ?)",
                chat.toString(), "kursk", "8", 0L), 700);

        long start = System.nanoTime();
        Optional<Subscription> added = store.add(chat, "kursk", "7");
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        other.join();

        assertThat(waitedMillis).as("the add met the other, uncommitted insert and waited for it").isGreaterThan(300);
        assertThat(added).as("already subscribed, not an error").isEmpty();
        assertThat(store.ownedBy(chat)).extracting(Subscription::query).containsExactly("kursk");
    }

    @Test
    void addsListsAndRemovesInOrder() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        store.add(chat, "kursk", "7");
        store.add(chat, "\"north korea\"", "7");
        store.add(Destination.telegram(43), "nato", "8");

        assertThat(store.ownedBy(chat)).extracting(Subscription::query).containsExactly("kursk", "\"north korea\"");
        assertThat(store.remove(store.ownedBy(chat).get(0).id())).isTrue();
        assertThat(store.ownedBy(chat)).extracting(Subscription::query).containsExactly("\"north korea\"");
        assertThat(store.remove(9999)).isFalse();
    }

    @Test
    void refusesTheSameQueryTwiceForOneChat() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        assertThat(store.add(chat, "kursk", "7")).isPresent();
        assertThat(store.add(chat, "kursk", "7")).isEmpty();
        assertThat(store.add(Destination.telegram(43), "kursk", "8")).isPresent();
    }

    @Test
    void survivesReopeningTheDatabase() {
        new JdbcSubscriptionStore(database.open(), Clock.systemUTC()).add(chat, "kursk", "7");
        var reopened = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        assertThat(reopened.ownedBy(chat)).extracting(Subscription::query).containsExactly("kursk");
    }

    @Test
    void replacesRoutesKeepingIdsOfUnchangedOnes() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        Destination slack = Destination.slack("C0123ABCD");
        store.replaceRoutes(List.of(route("desk", slack, "kursk"), route("desk", chat, "kursk")));
        long slackId = store.active().stream().filter(s -> s.destination().equals(slack)).findFirst().orElseThrow().id();

        store.replaceRoutes(List.of(route("desk", slack, "kursk OR nato")));

        assertThat(store.active()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(slackId);
            assertThat(s.query()).isEqualTo("kursk OR nato");
            assertThat(s.routeId()).contains("desk");
            assertThat(s.feeds()).containsExactly("world");
        });
        assertThat(store.ownedBy(slack)).as("routes are not a chat's own subscriptions").isEmpty();
    }

    @Test
    void pausedSubscriptionsAreNotActive() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        store.add(chat, "kursk", "7");
        assertThat(store.setPaused(chat, true)).isEqualTo(1);
        assertThat(store.active()).isEmpty();
        assertThat(store.setPaused(chat, false)).isEqualTo(1);
        assertThat(store.active()).hasSize(1);
    }

    @Test
    void aRemovedSubscriptionComesBackUnderItsIdUnlessTheSameQueryIsThereAgain() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        Subscription kursk = store.add(chat, "kursk", "7").orElseThrow();
        store.setPaused(kursk.id(), true);
        assertThat(store.isPaused(kursk.id())).isTrue();
        assertThat(store.find(kursk.id())).contains(kursk);
        store.remove(kursk.id());
        assertThat(store.find(kursk.id())).isEmpty();

        assertThat(store.restore(kursk, "7")).isTrue();
        assertThat(store.find(kursk.id())).contains(kursk);
        assertThat(store.isPaused(kursk.id())).isFalse();
        assertThat(store.add(chat, "nato", "7").orElseThrow().id()).as("new ids stay clear of restored ones")
                .isGreaterThan(kursk.id());

        store.remove(kursk.id());
        store.add(chat, "kursk", "7");
        assertThat(store.restore(kursk, "7")).as("the same query came back under another id").isFalse();
    }

    private static Subscription route(String id, Destination to, String query) {
        return new Subscription(0, to, query, Optional.of(id), Set.of("world"));
    }
}
