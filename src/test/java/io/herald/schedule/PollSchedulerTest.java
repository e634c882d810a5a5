package io.herald.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.FeedConfig;
import io.herald.feed.FeedException;
import io.herald.feed.FetchOutcome;
import io.herald.feed.Validators;
import io.herald.model.ParsedFeed;
import io.herald.pipeline.AlertPlanner;
import io.herald.pipeline.FeedHealthListener;
import io.herald.pipeline.PollTiming;
import io.herald.pipeline.Poller;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.summarize.Summarizer;
import io.herald.supervise.Supervisor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each poll reschedules the next one at the time it chose; a paused feed stops being polled. */
class PollSchedulerTest {
    @TempDir
    Path dir;

    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    private Poller poller(int maxFailures) {
        Database db = Database.openSqlite(dir.resolve("s.db"));
        JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
        return new Poller((feedId, url, previous) -> {
            polls.computeIfAbsent(feedId, k -> new AtomicInteger()).incrementAndGet();
            if (feedId.startsWith("dies") && count(feedId) == 1) {
                throw new StackOverflowError("a pathological feed");
            }
            if (feedId.startsWith("bad")) {
                throw new FeedException("feed " + feedId + ": HTTP 500 Internal Server Error");
            }
            Optional<Duration> hint = feedId.startsWith("slow") ? Optional.of(Duration.ofHours(1)) : Optional.empty();
            return new FetchOutcome(url, false, Optional.of(new ParsedFeed("t", "", "rss_2.0", List.of())),
                    Validators.NONE, hint);
        }, feeds, new AlertPlanner(new JdbcSubscriptionStore(db, Clock.systemUTC()), new Summarizer(), 400), () -> { },
                new PollTiming(maxFailures, Duration.ofHours(24)), FeedHealthListener.NONE, Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    private static FeedConfig feed(String id) {
        return new FeedConfig(id, URI.create("https://" + id + ".example/rss"), Duration.ofSeconds(1));
    }

    private int count(String id) {
        return polls.getOrDefault(id, new AtomicInteger()).get();
    }

    @Test
    void reschedulesAfterEachPollAtTheChosenTime() throws Exception {
        try (PollScheduler scheduler = new PollScheduler(poller(1), 4)) {
            scheduler.start(List.of(feed("fast"), feed("slow"), feed("bad")));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count("fast") < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(count("fast")).as("polled every second").isGreaterThanOrEqualTo(3);
            assertThat(count("slow")).as("the server asked for an hour").isEqualTo(1);
            assertThat(count("bad")).as("paused after its first failure (max_failures 1)").isEqualTo(1);
        }
    }

    @Test
    void aFeedWithoutFirstPollIsNotScheduledUntilPolledNow() throws Exception {
        try (PollScheduler scheduler = new PollScheduler(poller(50), 2)) {
            scheduler.start(List.of(feed("paused")), id -> Optional.empty());
            Thread.sleep(1500);
            assertThat(count("paused")).isZero();
            scheduler.pollNow("paused");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (count("paused") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(count("paused")).isEqualTo(1);
        }
    }

    @Test
    void aRememberedNextPollInTheFutureIsKept() throws Exception {
        try (PollScheduler scheduler = new PollScheduler(poller(50), 2)) {
            scheduler.start(List.of(feed("later")), id -> Optional.of(Instant.now().plus(Duration.ofHours(1))));
            Thread.sleep(1500);
            assertThat(count("later")).isZero();
        }
    }

    @Test
    void aFeedWhosePollDiedOfAnErrorIsScheduledAgainByTheWatchdog() throws Exception {
        try (PollScheduler scheduler = new PollScheduler(poller(1), 2);
             Supervisor supervisor = new Supervisor()) {
            scheduler.start(List.of(feed("dies-once"), feed("bad")));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((count("dies-once") < 1 || count("bad") < 1) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(1500);
            assertThat(count("dies-once")).as("the Error took the feed's schedule with it").isEqualTo(1);

            supervisor.supervise("poll-watch", false, scheduler.watchdog(Duration.ofMillis(200)));
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count("dies-once") < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(count("dies-once")).as("polled again, then every second").isGreaterThanOrEqualTo(3);
            assertThat(count("bad")).as("a paused feed stays paused").isEqualTo(1);
        }
    }

    @Test
    void feedsAreAddedChangedHeldAndRemovedWhileRunning() throws Exception {
        try (PollScheduler scheduler = new PollScheduler(poller(5), 4)) {
            FeedConfig hourly = new FeedConfig("later", URI.create("https://later.example/rss"), Duration.ofHours(1));
            scheduler.start(List.of(hourly));
            await(() -> count("later") >= 1);
            Thread.sleep(300);
            assertThat(scheduler.nextPoll("later")).as("next poll an hour away")
                    .hasValueSatisfying(t -> assertThat(t).isAfter(java.time.Instant.now().plusSeconds(3000)));

            scheduler.put(feed("later"), Optional.of(java.time.Instant.now()));
            await(() -> count("later") >= 3);
            assertThat(count("later")).as("a shorter interval applies without waiting out the old one")
                    .isGreaterThanOrEqualTo(3);

            scheduler.put(feed("added"), Optional.of(java.time.Instant.now()));
            await(() -> count("added") >= 2);
            assertThat(scheduler.feedIds()).containsExactlyInAnyOrder("later", "added");

            scheduler.hold("added");
            Thread.sleep(1500);
            int held = count("added");
            Thread.sleep(2000);
            assertThat(count("added")).as("a held feed is not polled").isEqualTo(held);
            scheduler.pollNow("added");
            await(() -> count("added") > held);

            assertThat(scheduler.remove("later")).isTrue();
            Thread.sleep(1500);
            int removed = count("later");
            Thread.sleep(2000);
            assertThat(count("later")).as("a removed feed is not polled").isEqualTo(removed);
            assertThat(scheduler.feedIds()).containsExactly("added");
            assertThat(scheduler.remove("later")).isFalse();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
