package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.MutableClock;
import io.herald.testsupport.OnBothDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdbcFeedAndOutboxStoreTest extends OnBothDatabases {

    @Test
    void recordsSeenItemsAndQueuesEachAlertOnce() {
        Database db = database.open();
        var feeds = new JdbcFeedStore(db, Clock.systemUTC());
        var outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        Item a = StoreTestSupport.item("world", "a", "Kursk <story> & more");
        Item b = StoreTestSupport.item("world", "b", "Other");
        Destination chat = Destination.telegram(42);

        assertThat(feeds.unseen("world", List.of("a", "b"))).containsExactly("a", "b");
        int queued = feeds.recordPoll(new PollRecord("world", "https://example.org/rss", Optional.of("\"v1\""),
                Optional.empty(), List.of(a, b), List.of(new PendingAlert(7, StoreTestSupport.alert(chat, a)))));
        int again = feeds.recordPoll(new PollRecord("world", "https://example.org/rss", Optional.of("\"v1\""),
                Optional.empty(), List.of(a), List.of(new PendingAlert(7, StoreTestSupport.alert(chat, a)))));

        assertThat(queued).isEqualTo(1);
        assertThat(again).as("the unique key stops a second row for the same item and subscription").isZero();
        assertThat(feeds.unseen("world", List.of("a", "b", "c"))).containsExactly("c");
        assertThat(feeds.unseen("science", List.of("a"))).containsExactly("a");
        FeedState state = feeds.find("world").orElseThrow();
        assertThat(state.initialized()).isTrue();
        assertThat(state.etag()).contains("\"v1\"");

        List<OutboxEntry> due = outbox.due(Instant.now().plusSeconds(1), 10);
        assertThat(due).singleElement().satisfies(e -> {
            Alert alert = e.alert();
            assertThat(alert.item()).isEqualTo(a);
            assertThat(alert.destination()).isEqualTo(chat);
            assertThat(alert.summary()).isEqualTo("short summary");
            assertThat(e.subscriptionId()).isEqualTo(7);
        });
    }

    @Test
    void failuresCountUpAndSuccessResetsThem() {
        var feeds = new JdbcFeedStore(database.open(), Clock.systemUTC());
        feeds.recordFailure("world", "https://example.org/rss", "feed world: HTTP 500");
        feeds.recordFailure("world", "https://example.org/rss", "feed world: HTTP 502");
        FeedState failing = feeds.find("world").orElseThrow();
        assertThat(failing.consecutiveErrors()).isEqualTo(2);
        assertThat(failing.lastError()).contains("feed world: HTTP 502");
        assertThat(failing.initialized()).isFalse();

        feeds.recordPoll(new PollRecord("world", "https://example.org/rss", Optional.empty(), Optional.empty(),
                List.of(), List.of()));
        assertThat(feeds.find("world").orElseThrow().consecutiveErrors()).isZero();
    }

    @Test
    void outboxRowsMoveThroughRetryToSentOrFailed() {
        Database db = database.open();
        var feeds = new JdbcFeedStore(db, Clock.systemUTC());
        var outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        Destination chat = Destination.telegram(42);
        feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(), List.of(
                new PendingAlert(1, StoreTestSupport.alert(chat, StoreTestSupport.item("world", "a", "A"))),
                new PendingAlert(1, StoreTestSupport.alert(chat, StoreTestSupport.item("world", "b", "B"))))));
        List<OutboxEntry> due = outbox.due(Instant.now().plusSeconds(1), 10);
        assertThat(due).hasSize(2);

        Instant later = Instant.now().plusSeconds(60);
        outbox.retryAt(due.get(0).id(), later, "HTTP 502", true);
        outbox.markFailed(due.get(1).id(), "chat not found");

        assertThat(outbox.due(Instant.now().plusSeconds(1), 10)).isEmpty();
        assertThat(outbox.nextDue()).contains(Instant.ofEpochMilli(later.toEpochMilli()));
        OutboxEntry retried = outbox.due(later, 10).get(0);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).contains("HTTP 502");
        outbox.markSent(retried.id());
        assertThat(outbox.counts()).containsEntry(OutboxEntry.Status.SENT, 1)
                .containsEntry(OutboxEntry.Status.FAILED, 1).containsEntry(OutboxEntry.Status.PENDING, 0);
        assertThat(outbox.recent(OutboxEntry.Status.FAILED, 5)).singleElement()
                .satisfies(e -> assertThat(e.lastError()).contains("chat not found"));
    }

    @Test
    void aFeedRemembersWhatItListsPlusTheMostRecentOthersAndEachStoryReachesADestinationOnce() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Database db = database.open();
        var feeds = new JdbcFeedStore(db, clock);
        List<String> keys = new ArrayList<>();
        for (int poll = 0; poll < 5; poll++) {
            clock.advance(Duration.ofSeconds(1));
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                items.add(StoreTestSupport.item("world", "p" + poll + "-" + i, "Story " + poll + "-" + i));
            }
            Set<String> listed = items.stream().map(Item::id).collect(Collectors.toSet());
            keys.addAll(listed);
            feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), items, List.of(), listed,
                    Map.of()));
        }
        assertThat(feeds.unseen("world", keys)).as("the 60 listed + a margin of %d kept; the oldest forgotten",
                JdbcFeedStore.MEMORY_MARGIN).hasSize(40).allMatch(key -> key.startsWith("p0-"));

        Destination chat = Destination.telegram(42);
        Item world = StoreTestSupport.item("world", "w", "Same story");
        Item science = StoreTestSupport.item("science", "s", "Same story");
        int first = feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(world),
                List.of(new PendingAlert(1, StoreTestSupport.alert(chat, world))), Set.of(), Map.of("w", "example.org/same")));
        int second = feeds.recordPoll(new PollRecord("science", "u2", Optional.empty(), Optional.empty(),
                List.of(science), List.of(new PendingAlert(1, StoreTestSupport.alert(chat, science))), Set.of(),
                Map.of("s", "example.org/same")));
        assertThat(first).isEqualTo(1);
        assertThat(second).as("the same canonical link from another feed").isZero();
        assertThat(feeds.unseenItems("science", Map.of("s2", "example.org/same", "s3", "example.org/other")))
                .containsExactly("s3");
    }

    @Test
    void theSameStoryQueuedAtTheSameMomentByAnotherNodeReachesADestinationOnce() throws Exception {
        Database db = database.open();
        var feeds = new JdbcFeedStore(db, Clock.systemUTC());
        Destination chat = Destination.telegram(42);
        // another node's poll of "world" has queued the story and not yet committed
        Thread other = StoreTestSupport.holdOpen(db, "another node's poll", c -> Jdbc.update(c,
                "INSERT INTO outbox (feed_id, item_key, subscription_id, destination, payload, next_attempt_at,"
                + " created_at, link_key) VALUES ('world', 'w', 1, ?, '{}', 0, 0, 'example.org/same')",
                chat.toString()), 700);

        Item science = StoreTestSupport.item("science", "s", "Same story");
        long start = System.nanoTime();
        int second = feeds.recordPoll(new PollRecord("science", "u2", Optional.empty(), Optional.empty(),
                List.of(science), List.of(new PendingAlert(2, StoreTestSupport.alert(chat, science))), Set.of(),
                Map.of("s", "example.org/same")));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        other.join();

        int rows = db.withConnection("count", c -> Jdbc.queryInt(c,
                "SELECT COUNT(*) FROM outbox WHERE destination = ?", chat.toString()));
        assertThat(rows).as("alerts queued for the chat").isEqualTo(1);
        assertThat(second).as("the same story, already queued for the chat by the other node").isZero();
        assertThat(waitedMillis).as("this poll met the other, uncommitted one and waited for it").isGreaterThan(300);
    }

    @Test
    void aSentAlertIsFoundAgainByThePlatformsMessageId() {
        Database db = database.open();
        var feeds = new JdbcFeedStore(db, Clock.systemUTC());
        var outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        Destination chat = Destination.telegram(42);
        feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(), List.of(
                new PendingAlert(1, StoreTestSupport.alert(chat, StoreTestSupport.item("world", "a", "A"))))));
        long id = outbox.due(Instant.now().plusSeconds(1), 10).get(0).id();

        outbox.markSent(id, "1001");

        assertThat(outbox.findSent(chat, "1001")).hasValueSatisfying(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.status()).isEqualTo(OutboxEntry.Status.SENT);
        });
        assertThat(outbox.findSent(chat, "1002")).isEmpty();
        assertThat(outbox.findSent(Destination.telegram(43), "1001")).isEmpty();
    }
}
