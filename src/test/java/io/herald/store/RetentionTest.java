package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.MutableClock;
import io.herald.testsupport.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Old sent alerts and items no longer listed are deleted in batches; pending, failed and listed ones stay. */
class RetentionTest extends OnBothDatabases {
    private static final Destination CHAT = Destination.telegram(42);

    @Test
    void deletesSentAlertsAndUnlistedItemsOlderThanTheAgeInBatches() throws Exception {
        Database db = database.open();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JdbcFeedStore feeds = new JdbcFeedStore(db, clock);
        JdbcOutboxStore outbox = new JdbcOutboxStore(db, clock);
        int old = Retention.BATCH * 2 + 100;
        List<Item> oldItems = poll(feeds, "old", old, 0);
        outbox.markFailed(1, "telegram: chat not found");
        List<Long> sent = new ArrayList<>();
        for (long id = 3; id <= old; id++) {
            sent.add(id);
        }
        outbox.markSent(sent);
        List<Item> kept = poll(feeds, "kept", 1, 0);
        clock.advance(Duration.ofDays(20));
        poll(feeds, "recent", 3, 0);
        outbox.markSent(old + 2);
        clock.advance(Duration.ofDays(15));
        // the "kept" feed still lists its old item: it is listed now and must be remembered
        feeds.recordPoll(new PollRecord("kept", "https://example.org/kept", Optional.empty(), Optional.empty(),
                List.of(), List.of(), Set.of(kept.get(0).id()), Map.of()));

        Retention.Deleted deleted = new Retention(new JdbcHistoryStore(db), Duration.ofDays(30), clock).runOnce();

        assertThat(deleted.alerts()).as("sent alerts older than 30 days").isEqualTo(old - 2);
        assertThat(deleted.items()).as("items not listed for 30 days").isEqualTo(old);
        Map<OutboxEntry.Status, Integer> left = outbox.counts();
        assertThat(left).containsEntry(OutboxEntry.Status.SENT, 1).containsEntry(OutboxEntry.Status.FAILED, 1)
                .containsEntry(OutboxEntry.Status.PENDING, 4);
        assertThat(feeds.unseenItems("old", keys(oldItems))).as("forgotten items").hasSize(old);
        assertThat(feeds.unseenItems("kept", keys(kept))).as("an item still listed is remembered").isEmpty();
    }

    /** Records a poll of {@code n} new items of {@code feed}, each with one alert to the chat. */
    private static List<Item> poll(JdbcFeedStore feeds, String feed, int n, int from) {
        List<Item> items = new ArrayList<>();
        List<PendingAlert> alerts = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            Item item = StoreTestSupport.item(feed, feed + "-" + i, "Story " + i);
            items.add(item);
            alerts.add(new PendingAlert(1, StoreTestSupport.alert(CHAT, item)));
        }
        feeds.recordPoll(new PollRecord(feed, "https://example.org/" + feed, Optional.empty(), Optional.empty(),
                items, alerts));
        return items;
    }

    private static Map<String, String> keys(List<Item> items) {
        Map<String, String> keys = new HashMap<>();
        items.forEach(i -> keys.put(i.id(), null));
        return keys;
    }
}
