package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.FeedException;
import io.herald.feed.FetchOutcome;
import io.herald.feed.Validators;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.OutboxEntry;
import io.herald.summarize.Summarizer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollerTest {
    private static final URI URL = URI.create("https://example.org/world.rss");

    @TempDir
    Path dir;

    private final List<Item> served = new ArrayList<>();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private FeedException failure;
    private Validators lastValidators;
    private JdbcSubscriptionStore subscriptions;
    private JdbcOutboxStore outbox;
    private JdbcFeedStore feeds;
    private Poller poller;

    @BeforeEach
    void setUp() {
        Database db = Database.openSqlite(dir.resolve("p.db"));
        subscriptions = new JdbcSubscriptionStore(db, Clock.systemUTC());
        outbox = new JdbcOutboxStore(db, Clock.systemUTC());
        feeds = new JdbcFeedStore(db, Clock.systemUTC());
        FeedSource source = (feedId, url, previous) -> {
            lastValidators = previous;
            if (failure != null) {
                throw failure;
            }
            return new FetchOutcome(url, false, Optional.of(new ParsedFeed("World", "", "rss_2.0", served)),
                    new Validators(Optional.of("\"etag-" + served.size() + "\""), Optional.empty()));
        };
        poller = new Poller(source, feeds, new AlertPlanner(subscriptions, new Summarizer(), 400),
                wakeUps::incrementAndGet);
    }

    @Test
    void firstPollRecordsTheBacklogWithoutAlerting() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        served.add(item("old", "Old news from Kursk"));
        PollResult first = poller.poll("world", URL);
        assertThat(first.backlog()).isTrue();
        assertThat(first.queued()).isZero();
        assertThat(outbox.counts()).containsEntry(OutboxEntry.Status.PENDING, 0);
    }

    @Test
    void newMatchingItemsAlertEachMatchingSubscriptionOnce() {
        subscriptions.add(Destination.telegram(1), "\"north korea\"", "1");
        subscriptions.add(Destination.telegram(2), "weather", "2");
        poller.poll("world", URL);
        served.add(item("kursk", "NATO: North Korea sends troops to Kursk"));
        served.add(item("rates", "Central bank holds rates"));

        PollResult second = poller.poll("world", URL);
        PollResult third = poller.poll("world", URL);

        assertThat(second.newItems()).isEqualTo(2);
        assertThat(second.queued()).isEqualTo(1);
        assertThat(third.newItems()).isZero();
        assertThat(wakeUps).hasValue(1);
        List<OutboxEntry> due = outbox.due(Instant.now().plusSeconds(1), 10);
        assertThat(due).singleElement().satisfies(e -> {
            assertThat(e.alert().destination()).isEqualTo(Destination.telegram(1));
            assertThat(e.alert().feedTitle()).isEqualTo("World");
            assertThat(e.alert().summary()).isNotBlank().hasSizeLessThanOrEqualTo(400);
        });
        assertThat(lastValidators.etag()).contains("\"etag-2\"");
    }

    @Test
    void aChatWithSeveralMatchingSubscriptionsGetsOneAlertNamingThemAll() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        subscriptions.add(Destination.telegram(1), "\"north korea\"", "1");
        poller.poll("world", URL);
        served.add(item("kursk", "NATO: North Korea sends troops to Kursk"));

        assertThat(poller.poll("world", URL).queued()).isEqualTo(1);
        assertThat(outbox.due(Instant.now().plusSeconds(1), 10)).singleElement().satisfies(e -> {
            assertThat(e.alert().query()).isEqualTo("kursk · \"north korea\"");
            assertThat(e.alert().matchedTerms()).contains("kursk", "\"north korea\"");
        });
    }

    @Test
    void aFailingFeedIsRecordedAndDoesNotThrow() {
        failure = new FeedException("feed world: HTTP 500 Internal Server Error from " + URL);
        PollResult result = poller.poll("world", URL);
        assertThat(result.ok()).isFalse();
        assertThat(feeds.find("world").orElseThrow().lastError()).contains(failure.getMessage());
    }

    @Test
    void subscriptionsLimitedToOtherFeedsAreNotAlerted() {
        subscriptions.replaceRoutes(List.of(new io.herald.model.Subscription(0, Destination.slack("C0123ABCD"),
                "kursk", Optional.of("desk"), java.util.Set.of("science"))));
        poller.poll("world", URL);
        served.add(item("kursk", "Kursk"));
        assertThat(poller.poll("world", URL).queued()).isZero();
    }

    private static Item item(String id, String title) {
        return new Item("world", id, title, "https://example.org/" + id, Optional.empty(),
                title + ". More detail follows in the second sentence.", "", List.of(), List.of());
    }
}
