package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.herald.match.Document;
import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.SubscriptionStore;
import io.herald.testsupport.OnBothDatabases;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two nodes on one database, each with its own matcher: changes made through either reach both, as deltas. */
class SubscriptionMatcherNodesTest extends OnBothDatabases {
    private final Document kursk = new Document("Troops in Kursk", "NATO says North Korea sent them.", "world");

    private List<String> queries(SubscriptionMatcher matcher) {
        matcher.refresh();
        return matcher.match(kursk).stream().map(h -> h.subscription().query()).toList();
    }

    @Test
    void changesMadeOnOneNodeReachTheOtherWithoutAFullReread() {
        SubscriptionStore storeA = spy(new JdbcSubscriptionStore(database.open(), Clock.systemUTC()));
        SubscriptionStore storeB = spy(new JdbcSubscriptionStore(database.open(), Clock.systemUTC()));
        storeA.add(Destination.telegram(1), "kursk", "1");
        var a = new SubscriptionMatcher(storeA);
        var b = new SubscriptionMatcher(storeB);
        assertThat(a.load()).isEqualTo(1);
        assertThat(b.load()).isEqualTo(1);

        Subscription korea = storeB.add(Destination.telegram(2), "\"north korea\"", "2").orElseThrow();
        storeB.add(Destination.telegram(3), "sport", "3");
        assertThat(queries(a)).containsExactly("kursk", "\"north korea\"");
        storeA.setPaused(korea.id(), true);
        storeA.replaceRoutes(List.of(new Subscription(0, Destination.slack("C0123ABCD"), "nato", Optional.of("desk"),
                Set.of("world"))));
        assertThat(queries(b)).containsExactly("kursk", "nato");
        storeB.setPaused(korea.id(), false);
        storeB.remove(storeB.ownedBy(Destination.telegram(1)).get(0).id());
        assertThat(queries(a)).containsExactly("\"north korea\"", "nato");
        assertThat(queries(b)).containsExactly("\"north korea\"", "nato");
        assertThat(a.size()).isEqualTo(b.size()).isEqualTo(3);

        verify(storeA, times(1)).forEachActive(any());
        verify(storeB, times(1)).forEachActive(any());
    }

    @Test
    void aSubscriptionRemovedAfterTheLastRefreshIsNotMatched() {
        SubscriptionStore store = new JdbcSubscriptionStore(database.open(), Clock.systemUTC());
        Subscription s = store.add(Destination.telegram(1), "kursk", "1").orElseThrow();
        var matcher = new SubscriptionMatcher(store);
        matcher.load();
        store.remove(s.id());
        assertThat(matcher.indexedCount()).as("still in the index").isEqualTo(1);
        assertThat(matcher.match(kursk)).as("its row is gone, so no hit").isEmpty();
    }

    @Test
    void afterItsUnreadChangesWereDeletedANodeReloadsEverything() {
        SubscriptionStore store = spy(new JdbcSubscriptionStore(database.open(), Clock.systemUTC()));
        store.add(Destination.telegram(1), "kursk", "1");
        var matcher = new SubscriptionMatcher(store);
        matcher.load();
        store.add(Destination.telegram(2), "nato", "2");
        store.remove(store.ownedBy(Destination.telegram(1)).get(0).id());
        store.deleteChangesBefore(System.currentTimeMillis() + 1000, 100);
        assertThat(queries(matcher)).containsExactly("nato");
        verify(store, times(2)).forEachActive(any());
    }
}
