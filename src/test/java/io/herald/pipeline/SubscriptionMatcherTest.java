package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.match.Document;
import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionMatcherTest {
    @TempDir
    Path dir;

    private JdbcSubscriptionStore store;
    private SubscriptionMatcher matcher;
    private final Document kursk = new Document("Troops in Kursk", "NATO says North Korea sent them.", "world");

    @BeforeEach
    void setUp() {
        store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("m.db")), Clock.systemUTC());
        matcher = new SubscriptionMatcher(store);
    }

    private List<String> matchedQueries() {
        matcher.refresh();
        return matcher.match(kursk).stream().map(h -> h.subscription().query()).toList();
    }

    @Test
    void changesInTheStoreShowUpAtTheNextMatch() {
        assertThat(matchedQueries()).isEmpty();
        Subscription a = store.add(Destination.telegram(1), "kursk", "1").orElseThrow();
        store.add(Destination.telegram(2), "\"north korea\" -nato", "2");
        store.add(Destination.telegram(3), "title:nato", "3");
        assertThat(matchedQueries()).containsExactly("kursk");

        store.add(Destination.telegram(4), "korea*", "4");
        assertThat(matchedQueries()).containsExactly("kursk", "korea*");

        store.setPaused(a.id(), true);
        assertThat(matchedQueries()).containsExactly("korea*");
        store.setPaused(a.id(), false);
        store.remove(store.ownedBy(Destination.telegram(4)).get(0).id());
        assertThat(matchedQueries()).containsExactly("kursk");
        assertThat(matcher.size()).isEqualTo(3);
    }

    @Test
    void routesLimitedToOtherFeedsDoNotMatchAndReloadsApply() {
        store.replaceRoutes(List.of(new Subscription(0, Destination.slack("C0123ABCD"), "kursk", Optional.of("desk"),
                Set.of("science"))));
        assertThat(matchedQueries()).isEmpty();
        store.replaceRoutes(List.of(new Subscription(0, Destination.slack("C0123ABCD"), "kursk", Optional.of("desk"),
                Set.of("world"))));
        assertThat(matchedQueries()).containsExactly("kursk");
    }

    @Test
    void explainsWhichTermsMatched() {
        store.add(Destination.telegram(1), "kursk OR \"north korea\" OR sport", "1");
        matcher.refresh();
        assertThat(matcher.match(kursk)).singleElement()
                .satisfies(h -> assertThat(matcher.explain(h, kursk)).containsExactly("kursk", "\"north korea\""));
    }
}
