package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.FeedException;
import io.herald.feed.FetchOutcome;
import io.herald.feed.Validators;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import io.herald.store.Database;
import io.herald.store.FeedState;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.OutboxEntry;
import io.herald.summarize.Summarizer;
import io.herald.testsupport.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity, dedupe, bounded memory, next-poll timing, backoff, pause and permanent redirects, on a real store. */
class IngestRulesTest {
    private static final URI WORLD = URI.create("https://world.example/rss");
    private static final URI WIRE = URI.create("https://wire.example/rss");
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
    private final Map<URI, List<Item>> served = new HashMap<>();
    private final Map<URI, FeedException> failures = new HashMap<>();
    private final Map<URI, URI> movedTo = new HashMap<>();
    private final List<URI> requested = new ArrayList<>();
    private final List<String> paused = new ArrayList<>();
    private Optional<Duration> hint = Optional.empty();
    private JdbcSubscriptionStore subscriptions;
    private JdbcOutboxStore outbox;
    private JdbcFeedStore feeds;
    private Poller poller;

    @BeforeEach
    void setUp() {
        Database db = Database.openSqlite(dir.resolve("i.db"));
        subscriptions = new JdbcSubscriptionStore(db, clock);
        outbox = new JdbcOutboxStore(db, clock);
        feeds = new JdbcFeedStore(db, clock);
        FeedSource source = (feedId, url, previous) -> {
            requested.add(url);
            if (failures.containsKey(url)) {
                throw failures.get(url);
            }
            URI finalUrl = movedTo.getOrDefault(url, url);
            List<Item> items = served.getOrDefault(finalUrl, List.of()).stream()
                    .map(i -> new Item(feedId, i.id(), i.title(), i.link(), i.published(), i.summary(), "",
                            List.of(), List.of()))
                    .toList();
            return new FetchOutcome(finalUrl, movedTo.containsKey(url), Optional.of(new ParsedFeed(feedId, "",
                    "rss_2.0", items)), Validators.NONE, hint);
        };
        poller = new Poller(source, feeds, new AlertPlanner(subscriptions, new Summarizer(), 400), () -> { },
                new PollTiming(3, Duration.ofHours(24)), (id, reason) -> paused.add(id + ": " + reason), clock,
                RandomGenerator.of("L64X128MixRandom"));
        served.put(WORLD, new ArrayList<>());
        served.put(WIRE, new ArrayList<>());
    }

    private static Item item(String guid, String title, String link) {
        return new Item("x", guid, title, link, Optional.empty(), title + ". Details follow here.", "", List.of(),
                List.of());
    }

    private int pending() {
        return outbox.counts().get(OutboxEntry.Status.PENDING);
    }

    @Test
    void aChangedGuidOnTheSameCanonicalLinkIsNotNew() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        poller.poll("world", WORLD, INTERVAL);
        served.get(WORLD).add(item("guid-1", "Kursk story", "https://World.example/a?utm_source=rss#top"));
        assertThat(poller.poll("world", WORLD, INTERVAL).newItems()).isEqualTo(1);

        served.get(WORLD).set(0, item("guid-2", "Kursk story", "https://world.example/a"));
        PollResult again = poller.poll("world", WORLD, INTERVAL);

        assertThat(again.newItems()).isZero();
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void aTitleEditIsNotNew() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        poller.poll("world", WORLD, INTERVAL);
        served.get(WORLD).add(item("g", "Kursk story", "https://world.example/a"));
        poller.poll("world", WORLD, INTERVAL);
        served.get(WORLD).set(0, item("g", "Kursk story (updated)", "https://world.example/a"));

        assertThat(poller.poll("world", WORLD, INTERVAL).newItems()).isZero();
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void theSameStoryInTwoFeedsAlertsASubscriberOnce() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        subscriptions.add(Destination.telegram(2), "kursk", "2");
        poller.poll("world", WORLD, INTERVAL);
        poller.poll("wire", WIRE, INTERVAL);
        served.get(WORLD).add(item("w-1", "Kursk story", "https://news.example/kursk"));
        served.get(WIRE).add(item("x-9", "Kursk story, wire copy", "https://NEWS.example/kursk?fbclid=abc"));

        poller.poll("world", WORLD, INTERVAL);
        PollResult wire = poller.poll("wire", WIRE, INTERVAL);

        assertThat(wire.newItems()).isEqualTo(1);
        assertThat(wire.queued()).as("both subscribers already have it from the other feed").isZero();
        assertThat(pending()).isEqualTo(2);
    }

    @Test
    void aLinkSharedByManyItemsIdentifiesNone() {
        subscriptions.add(Destination.telegram(1), "kursk", "1");
        poller.poll("world", WORLD, INTERVAL);
        served.get(WORLD).add(item("a", "Kursk one", "https://world.example/"));
        served.get(WORLD).add(item("b", "Kursk two", "https://world.example/"));

        assertThat(poller.poll("world", WORLD, INTERVAL).queued()).isEqualTo(2);
    }

    @Test
    void seenItemMemoryKeepsWhatTheFeedListsPlusAMargin() {
        poller.poll("world", WORLD, INTERVAL);
        for (int round = 0; round < 6; round++) {
            served.get(WORLD).clear();
            for (int i = 0; i < 100; i++) {
                String id = "r" + round + "-" + i;
                served.get(WORLD).add(item(id, "t " + id, "https://world.example/" + id));
            }
            poller.poll("world", WORLD, INTERVAL);
            clock.advance(Duration.ofMinutes(10));
        }
        served.get(WORLD).clear();
        served.get(WORLD).add(item("r5-0", "t", "https://world.example/r5-0"));
        served.get(WORLD).add(item("r0-0", "t", "https://world.example/r0-0"));

        assertThat(feeds.unseen("world", List.of("r5-0", "r4-0", "r3-0", "r2-0", "r1-0", "r0-0")))
                .as("100 listed + a margin of 200 remembered; the oldest rounds forgotten")
                .containsExactly("r2-0", "r1-0", "r0-0");
    }

    @Test
    void nextPollIsTheIntervalOrTheServersLowerBound() {
        PollResult plain = poller.poll("world", WORLD, INTERVAL);
        hint = Optional.of(Duration.ofHours(1));
        PollResult hinted = poller.poll("world", WORLD, INTERVAL);

        assertThat(plain.nextPoll()).contains(clock.instant().plus(INTERVAL));
        assertThat(hinted.nextPoll()).contains(clock.instant().plus(Duration.ofHours(1)));
        assertThat(hinted.minInterval()).contains(Duration.ofHours(1));
        assertThat(feeds.find("world").orElseThrow().nextPoll()).isEqualTo(hinted.nextPoll());
    }

    @Test
    void failuresBackOffThenPauseAndTellTheAdmins() {
        failures.put(WORLD, new FeedException("feed world: HTTP 503 Service Unavailable", null, Duration.ofHours(2)));

        PollResult first = poller.poll("world", WORLD, INTERVAL);
        failures.put(WORLD, new FeedException("feed world: HTTP 500 Internal Server Error"));
        PollResult second = poller.poll("world", WORLD, INTERVAL);
        PollResult third = poller.poll("world", WORLD, INTERVAL);
        PollResult fourth = poller.poll("world", WORLD, INTERVAL);

        assertThat(first.nextPoll()).contains(clock.instant().plus(Duration.ofHours(2)));
        assertThat(Duration.between(clock.instant(), second.nextPoll().orElseThrow()))
                .isBetween(Duration.ofMinutes(15), Duration.ofMinutes(25));
        assertThat(second.consecutiveErrors()).isEqualTo(2);
        assertThat(third.paused()).isTrue();
        assertThat(third.nextPoll()).isEmpty();
        assertThat(paused).singleElement().asString().startsWith("world: paused after 3 failed polls in a row;")
                .contains("HTTP 500");
        assertThat(fourth.paused()).isTrue();
        assertThat(requested).as("a paused feed is not fetched").hasSize(3);
        FeedState state = feeds.find("world").orElseThrow();
        assertThat(state.paused()).isTrue();

        assertThat(feeds.resume("world")).isTrue();
        failures.clear();
        assertThat(poller.poll("world", WORLD, INTERVAL).ok()).isTrue();
    }

    @Test
    void aPermanentRedirectChangesTheUrlPolled() {
        URI moved = URI.create("https://world.example/new.rss");
        served.put(moved, new ArrayList<>());
        movedTo.put(WORLD, moved);

        poller.poll("world", WORLD, INTERVAL);
        poller.poll("world", WORLD, INTERVAL);

        assertThat(requested).containsExactly(WORLD, moved);
        assertThat(feeds.find("world").orElseThrow().pollUrl()).contains(moved.toString());
    }

    @Test
    void backoffIsExponentialWithJitterAndCapped() {
        PollTiming timing = PollTiming.defaults();
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int n = 1; n <= 12; n++) {
            Duration d = timing.afterFailure(INTERVAL, n, Optional.empty(), random);
            double base = Math.min(24 * 60, 10 * Math.pow(2, n - 1));
            assertThat(d.toMillis() / 60000.0).isBetween(base * 0.75 - 0.01, Math.min(24 * 60, base * 1.25));
        }
        assertThat(timing.afterFailure(INTERVAL, 40, Optional.empty(), random)).isLessThanOrEqualTo(Duration.ofHours(24));
    }
}
