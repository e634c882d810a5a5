package io.herald.pipeline;

import io.herald.feed.FeedException;
import io.herald.feed.FetchOutcome;
import io.herald.feed.Validators;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import io.herald.store.PollRecord;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: fetch, parse, keep only new items, match them, summarise, and queue alerts in the outbox
 * together with the items' "seen" mark. A failing feed is recorded and never throws.
 */
public final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final FeedSource source;
    private final FeedStore feeds;
    private final AlertPlanner planner;
    private final Runnable onQueued;

    /**
     * @param onQueued called after a poll queued at least one alert (wakes the delivery worker)
     */
    public Poller(FeedSource source, FeedStore feeds, AlertPlanner planner, Runnable onQueued) {
        this.source = source;
        this.feeds = feeds;
        this.planner = planner;
        this.onQueued = onQueued;
    }

    public PollResult poll(String feedId, URI url) {
        Optional<FeedState> state = feeds.find(feedId);
        Validators previous = state.map(s -> new Validators(s.etag(), s.lastModified())).orElse(Validators.NONE);
        FetchOutcome outcome;
        try {
            outcome = source.read(feedId, url, previous);
        } catch (FeedException e) {
            return fail(feedId, url, e.getMessage(), e);
        } catch (RuntimeException e) {
            return fail(feedId, url, "feed " + feedId + ": unexpected error: " + e, e);
        }
        if (outcome.movedPermanently()) {
            LOG.warn("feed {} moved permanently from {} to {}: update config/herald.yml", feedId, url,
                    outcome.finalUrl());
        }
        Validators next = outcome.validators();
        if (outcome.notModified()) {
            feeds.recordPoll(new PollRecord(feedId, url.toString(), next.etag(), next.lastModified(), List.of(),
                    List.of()));
            return new PollResult(feedId, true, 0, 0, false, Optional.empty());
        }
        ParsedFeed feed = outcome.feed().orElseThrow();
        Map<String, Item> byKey = new LinkedHashMap<>();
        for (Item item : feed.items()) {
            byKey.putIfAbsent(item.id(), item);
        }
        List<Item> fresh = feeds.unseen(feedId, byKey.keySet()).stream().map(byKey::get).toList();
        boolean backlog = state.map(s -> !s.initialized()).orElse(true);
        String feedTitle = feed.title().isBlank() ? feedId : feed.title();
        var alerts = backlog ? List.<io.herald.store.PendingAlert>of() : planner.plan(feedId, feedTitle, fresh);
        int queued = feeds.recordPoll(new PollRecord(feedId, url.toString(), next.etag(), next.lastModified(),
                fresh, alerts));
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

    private PollResult fail(String feedId, URI url, String message, Exception e) {
        LOG.warn("{}", message);
        LOG.debug("feed {} failure detail", feedId, e);
        try {
            feeds.recordFailure(feedId, url.toString(), message);
        } catch (RuntimeException storeFailure) {
            LOG.error("feed {}: cannot record the failure: {}", feedId, storeFailure.getMessage());
        }
        return PollResult.failed(feedId, message);
    }
}
