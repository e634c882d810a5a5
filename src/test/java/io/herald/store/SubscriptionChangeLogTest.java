package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.SubscriptionStore.Changes;
import io.herald.store.SubscriptionStore.Indexed;
import io.herald.testsupport.OnBothDatabases;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubscriptionChangeLogTest extends OnBothDatabases {
    private final Destination chat = Destination.telegram(42);

    @Test
    void everyKindOfWriteIsLoggedOnceAndReadSinceAPosition() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        long start = store.changesSince(0, 100).position();
        Subscription kursk = store.add(chat, "kursk", "7").orElseThrow();
        Subscription nato = store.add(chat, "nato", "7").orElseThrow();
        Changes added = store.changesSince(start, 100);
        assertThat(added.ids()).containsExactly(kursk.id(), nato.id());
        assertThat(added.more()).isFalse();

        store.setPaused(kursk.id(), true);
        store.setPaused(kursk.id(), true);
        store.moveDestination(chat, Destination.telegram(43));
        store.remove(nato.id());
        store.replaceRoutes(List.of(new Subscription(0, chat, "korea", Optional.of("desk"), Set.of("world"))));
        Changes later = store.changesSince(added.position(), 100);
        long route = store.active().stream().filter(s -> s.routeId().isPresent()).findFirst().orElseThrow().id();
        assertThat(later.ids()).as("paused once (the second pause changed nothing), moved (not an index change),"
                + " removed, route added").containsExactly(kursk.id(), nato.id(), route);
        assertThat(store.indexed(later.ids())).containsExactly(new Indexed(route, "korea", Set.of("world")));

        Changes firstTwo = store.changesSince(start, 2);
        assertThat(firstTwo.ids()).containsExactly(kursk.id(), nato.id());
        assertThat(firstTwo.more()).isTrue();
        assertThat(store.changesSince(later.position(), 100).ids()).isEmpty();
    }

    @Test
    void readingEveryActiveSubscriptionReturnsThePositionToTailFrom() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        store.add(chat, "kursk", "7");
        Subscription paused = store.add(chat, "nato", "7").orElseThrow();
        store.setPaused(paused.id(), true);
        List<Indexed> seen = new ArrayList<>();
        long position = store.forEachActive(seen::add);
        assertThat(seen).extracting(Indexed::query).containsExactly("kursk");
        assertThat(store.changesSince(position, 10).ids()).isEmpty();
        Subscription later = store.add(chat, "korea", "7").orElseThrow();
        assertThat(store.changesSince(position, 10).ids()).containsExactly(later.id());
    }

    @Test
    void aReaderWhoseChangesWereDeletedUnreadIsToldToReload() {
        var store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        long start = store.changesSince(0, 10).position();
        store.add(chat, "kursk", "7");
        store.add(chat, "nato", "7");
        long caughtUp = store.changesSince(start, 10).position();
        assertThat(store.deleteChangesBefore(System.currentTimeMillis() + 1000, 100)).isEqualTo(2);
        assertThat(store.changesSince(start, 10).reload()).as("behind the deleted rows").isTrue();
        assertThat(store.changesSince(caughtUp, 10).reload()).as("had read them").isFalse();
        Subscription next = store.add(chat, "korea", "7").orElseThrow();
        assertThat(store.changesSince(caughtUp, 10).ids()).containsExactly(next.id());
    }

    /**
     * A write that took its position first but commits last must not be skipped by a reader that already read a
     * later position: writers of subscriptions take turns (PostgreSQL: an advisory lock taken by trigger; SQLite:
     * its single writer), so the second write waits for the first to commit.
     */
    @Test
    void aChangeCommittedLateIsNotSkippedByAReaderThatTailsTheLog() throws Exception {
        Database db = database.open();
        var store = new JdbcSubscriptionStore(db, Clock.systemUTC());
        long start = store.changesSince(0, 10).position();
        long slow;
        CompletableFuture<Subscription> second;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            slow = Jdbc.insert(c, "INSERT INTO subscriptions (destination, query, created_by, created_at)"
                    + " VALUES (?, ?, '7', 0)", chat.toString(), "slow");
            second = CompletableFuture.supplyAsync(() -> new JdbcSubscriptionStore(database.open(),
                    Clock.systemUTC()).add(chat, "fast", "7").orElseThrow());
            Thread.sleep(300);
            Changes meanwhile = store.changesSince(start, 10);
            assertThat(second).as("the second writer waits for the first").isNotDone();
            assertThat(meanwhile.ids()).as("nothing committed yet").isEmpty();
            c.commit();
        }
        Subscription fast = second.get(10, TimeUnit.SECONDS);
        assertThat(store.changesSince(start, 10).ids()).containsExactly(slow, fast.id());
    }
}
