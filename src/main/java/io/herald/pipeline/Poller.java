package io.herald.pipeline;

import io.herald.feed.FeedException;
import io.herald.feed.FetchOutcome;
import io.herald.feed.ItemKeys;
import io.herald.feed.Validators;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import io.herald.store.PendingAlert;
import io.herald.store.PollRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: fetch, parse, keep only new items, match them, summarise, and queue alerts in the outbox
 * together with the items' "seen" mark; then decide when to poll next. A failing feed is recorded, backed off,
 * paused after too many failures in a row, and never throws.
 */
public final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    private final FeedSource source;
    private final FeedStore feeds;
    private final AlertPlanner planner;
    private final Runnable onQueued;
    private final PollTiming timing;
    private final FeedHealthListener health;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * @param onQueued called after a poll queued at least one alert (wakes the delivery worker)
     */
    public Poller(FeedSource source, FeedStore feeds, AlertPlanner planner, Runnable onQueued) {
        this(source, feeds, planner, onQueued, PollTiming.defaults(), FeedHealthListener.NONE, Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    /**
     * @param timing  next-poll rules and the pause threshold
     * @param health  told when a feed is paused
     */
    public Poller(FeedSource source, FeedStore feeds, AlertPlanner planner, Runnable onQueued, PollTiming timing,
            FeedHealthListener health, Clock clock, RandomGenerator random) {
        this.source = source;
        this.feeds = feeds;
        this.planner = planner;
        this.onQueued = onQueued;
        this.timing = timing;
        this.health = health;
        this.clock = clock;
        this.random = random;
    }

    public PollResult poll(String feedId, URI url) {
        return poll(feedId, url, DEFAULT_INTERVAL);
    }

    /**
     * Polls the feed configured at {@code url} (or where a permanent redirect moved it) and schedules the next poll.
     *
     * @param interval the feed's configured interval
     */
    public PollResult poll(String feedId, URI url, Duration interval) {
        Optional<FeedState> state = feeds.find(feedId).filter(s -> s.url().equals(url.toString()));
        if (state.map(FeedState::paused).orElse(false)) {
            return new PollResult(feedId, false, 0, 0, false, state.get().pausedReason(), Optional.empty(),
                    Optional.empty(), state.get().consecutiveErrors(), true);
        }
        URI target = state.flatMap(FeedState::pollUrl).map(URI::create).orElse(url);
        Validators previous = state.map(s -> new Validators(s.etag(), s.lastModified())).orElse(Validators.NONE);
        FetchOutcome outcome;
        try {
            outcome = source.read(feedId, target, previous);
        } catch (FeedException e) {
            return fail(feedId, url, interval, e.getMessage(), e.retryAfter(), e);
        } catch (RuntimeException e) {
            return fail(feedId, url, interval, "feed " + feedId + ": unexpected error: " + e, Optional.empty(), e);
        }
        if (outcome.movedPermanently() && !outcome.finalUrl().equals(target)) {
            LOG.info("feed {} moved permanently from {} to {}: polling the new address from now on", feedId, target,
                    outcome.finalUrl());
            feeds.movePermanently(feedId, url.toString(), outcome.finalUrl().toString());
        }
        PollResult result = outcome.notModified()
                ? recordNotModified(feedId, url, outcome)
                : recordFeed(feedId, url, outcome, state);
        Instant next = clock.instant().plus(timing.afterSuccess(interval, outcome.minInterval()));
        feeds.scheduleNext(feedId, url.toString(), next);
        return new PollResult(feedId, result.notModified(), result.newItems(), result.queued(), result.backlog(),
                Optional.empty(), outcome.minInterval(), Optional.of(next), 0, false);
    }

    private PollResult recordNotModified(String feedId, URI url, FetchOutcome outcome) {
        Validators next = outcome.validators();
        feeds.recordPoll(new PollRecord(feedId, url.toString(), next.etag(), next.lastModified(), List.of(),
                List.of()));
        return new PollResult(feedId, true, 0, 0, false, Optional.empty());
    }

    private PollResult recordFeed(String feedId, URI url, FetchOutcome outcome, Optional<FeedState> state) {
        ParsedFeed feed = outcome.feed().orElseThrow();
        Map<String, Item> byKey = new LinkedHashMap<>();
        for (Item item : feed.items()) {
            byKey.putIfAbsent(item.id(), item);
        }
        Map<String, String> linkKeys = linkKeys(byKey);
        List<Item> fresh = feeds.unseenItems(feedId, withLinks(byKey, linkKeys)).stream().map(byKey::get).toList();
        boolean backlog = state.map(s -> !s.initialized()).orElse(true);
        String feedTitle = feed.title().isBlank() ? feedId : feed.title();
        List<PendingAlert> alerts = backlog ? List.of() : planner.plan(feedId, feedTitle, fresh);
        Validators next = outcome.validators();
        int queued = feeds.recordPoll(new PollRecord(feedId, url.toString(), next.etag(), next.lastModified(),
                fresh, alerts, byKey.keySet(), linkKeys));
        if (!feed.title().isBlank()) {
            feeds.recordTitle(feedId, feed.title());
        }
        if (backlog && !fresh.isEmpty()) {
            LOG.info("feed {}: first poll, {} existing items recorded without alerting", feedId, fresh.size());
        } else if (!fresh.isEmpty()) {
            LOG.info("feed {}: {} new items, {} alerts queued", feedId, fresh.size(), queued);
        }
        if (queued > 0) {
            onQueued.run();
        }
        return new PollResult(feedId, false, fresh.size(), queued, backlog, Optional.empty());
    }

    /**
     * Canonical-link keys of the listed items; a link shared by several items of the listing (a feed pointing every
     * item at its home page) identifies none of them.
     */
    static Map<String, String> linkKeys(Map<String, Item> byKey) {
        Map<String, String> keys = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        byKey.forEach((id, item) -> ItemKeys.linkKey(item.link()).ifPresent(k -> {
            keys.put(id, k);
            uses.merge(k, 1, Integer::sum);
        }));
        keys.values().removeIf(k -> uses.get(k) > 1);
        return keys;
    }

    private static Map<String, String> withLinks(Map<String, Item> byKey, Map<String, String> linkKeys) {
        Map<String, String> out = new LinkedHashMap<>();
        byKey.keySet().forEach(id -> out.put(id, linkKeys.get(id)));
        return out;
    }

    private PollResult fail(String feedId, URI url, Duration interval, String message,
            Optional<Duration> retryAfter, Exception e) {
        LOG.warn("{}", message);
        LOG.debug("feed {} failure detail", feedId, e);
        int errors = 1;
        try {
            feeds.recordFailure(feedId, url.toString(), message);
            errors = feeds.find(feedId).map(FeedState::consecutiveErrors).orElse(1);
            if (errors >= timing.maxFailures()) {
                String reason = "paused after " + errors + " failed polls in a row; last error: " + message;
                feeds.pause(feedId, reason);
                health.feedPaused(feedId, reason);
                return new PollResult(feedId, false, 0, 0, false, Optional.of(message), retryAfter,
                        Optional.empty(), errors, true);
            }
        } catch (RuntimeException storeFailure) {
            LOG.error("feed {}: cannot record the failure: {}", feedId, storeFailure.getMessage());
        }
        Instant next = clock.instant().plus(timing.afterFailure(interval, errors, retryAfter, random));
        try {
            feeds.scheduleNext(feedId, url.toString(), next);
        } catch (RuntimeException storeFailure) {
            LOG.error("feed {}: cannot record the next poll: {}", feedId, storeFailure.getMessage());
        }
        return new PollResult(feedId, false, 0, 0, false, Optional.of(message), retryAfter, Optional.of(next), errors,
                false);
    }
}
