package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.testsupport.MutableClock;
import io.herald.testsupport.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The recent stories {@code /test} tries queries on are bounded and pruned with the items; a route an admin muted
 * for one destination stays muted when the routes are stored again.
 */
class RecentStoriesTest extends OnBothDatabases {

    @Test
    void keepsTheNewestStoriesWithTheirTextBoundedAndForgetsThemWithTheirItems() throws Exception {
        Database db = database.open();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JdbcFeedStore feeds = new JdbcFeedStore(db, clock);
        RecentStories recent = new JdbcRecentStories(db);
        String longText = "word ".repeat(2_000);
        poll(feeds, "old", 0, 150, longText, Set.of());
        clock.advance(Duration.ofDays(40));
        poll(feeds, "new", 0, 100, "kursk", Set.of());

        List<Item> latest = recent.latest(RecentStories.KEPT + 50);
        assertThat(latest).as("bounded to the newest ones").hasSize(RecentStories.KEPT);
        assertThat(latest.get(0)).satisfies(first -> {
            assertThat(first.feedId()).isEqualTo("new");
            assertThat(first.id()).isEqualTo("new-99");
            assertThat(first.title()).isEqualTo("Story new-99");
            assertThat(first.link()).isEqualTo("https://example.org/new-99");
            assertThat(first.summary()).isEqualTo("kursk");
        });
        assertThat(latest.stream().filter(i -> i.feedId().equals("old")))
                .as("the oldest 50 were dropped").hasSize(100)
                .allSatisfy(i -> assertThat(i.summary()).hasSize(RecentStories.TEXT_CHARS));

        int deleted = new JdbcHistoryStore(db).deleteItemsNotListedSince(clock.instant().minus(Duration.ofDays(30)),
                1_000);
        assertThat(deleted).as("the old feed's items were forgotten").isEqualTo(150);
        assertThat(recent.latest(RecentStories.KEPT)).as("and their stories with them").hasSize(100)
                .allSatisfy(i -> assertThat(i.feedId()).isEqualTo("new"));

    }

    @Test
    void aMutedRouteStaysMutedForItsDestinationWhenRoutesAreStoredAgain() throws Exception {
        Database db = database.open();
        JdbcSubscriptionStore subs = new JdbcSubscriptionStore(db, new MutableClock(Instant.EPOCH));
        Destination group = Destination.telegram(-100);
        Destination other = Destination.telegram(5);
        List<Subscription> routes = List.of(new Subscription(0, group, "kursk", Optional.of("desk"), Set.of()),
                new Subscription(0, other, "kursk", Optional.of("desk"), Set.of()));
        subs.replaceRoutes(routes);
        long inGroup = subs.allFor(group).get(0).id();
        assertThat(subs.setRouteMuted(inGroup, true, "9")).isTrue();

        subs.replaceRoutes(routes);
        assertThat(subs.isPaused(inGroup)).isTrue();
        subs.replaceRoutes(List.of(routes.get(1)));
        subs.replaceRoutes(routes);
        long again = subs.allFor(group).get(0).id();
        assertThat(again).as("the route came back as a new row").isNotEqualTo(inGroup);
        assertThat(subs.isPaused(again)).as("still muted there").isTrue();
        assertThat(subs.setPaused(group, false)).as("/start leaves an admin's mute alone").isZero();
        assertThat(subs.active()).extracting(Subscription::destination).containsExactly(other);

        assertThat(subs.setRouteMuted(again, false, "9")).isTrue();
        assertThat(subs.active()).extracting(Subscription::destination).containsExactlyInAnyOrder(group, other);
    }

    @Test
    void aMutedRouteStaysMutedWhenItsGroupBecomesASupergroupAndTheConfigIsEdited() throws Exception {
        Database db = database.open();
        JdbcSubscriptionStore subs = new JdbcSubscriptionStore(db, new MutableClock(Instant.EPOCH));
        Destination group = Destination.telegram(-100);
        Destination supergroup = Destination.telegram(-1001234);
        subs.replaceRoutes(List.of(new Subscription(0, group, "kursk", Optional.of("desk"), Set.of())));
        assertThat(subs.setRouteMuted(subs.allFor(group).get(0).id(), true, "9")).isTrue();

        assertThat(subs.moveDestination(group, supergroup)).isEqualTo(1);
        assertThat(subs.active()).as("muted after the move").isEmpty();
        assertThat(subs.setPaused(supergroup, false)).as("/start in the supergroup leaves the mute alone").isZero();
        // the admin edits the route to the new chat id, as told; later takes it out and puts it back
        List<Subscription> edited = List.of(new Subscription(0, supergroup, "kursk", Optional.of("desk"), Set.of()));
        subs.replaceRoutes(edited);
        subs.replaceRoutes(List.of());
        subs.replaceRoutes(edited);

        assertThat(subs.allFor(supergroup)).singleElement()
                .satisfies(s -> assertThat(subs.isPaused(s.id())).as("still muted in the supergroup").isTrue());
        assertThat(subs.active()).isEmpty();
    }

    private static void poll(JdbcFeedStore feeds, String feed, int from, int n, String text, Set<String> listed) {
        List<Item> items = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            items.add(new Item(feed, feed + "-" + i, "Story " + feed + "-" + i, "https://example.org/" + feed + "-" + i,
                    Optional.empty(), text, "", List.of(), List.of()));
        }
        java.util.Collections.reverse(items); // feeds list the newest first
        feeds.recordPoll(new PollRecord(feed, "https://example.org/" + feed, Optional.empty(), Optional.empty(),
                items, List.of(), listed, Map.of()));
    }
}
