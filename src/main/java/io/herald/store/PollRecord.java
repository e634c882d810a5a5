package io.herald.store;

import io.herald.model.Item;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one successful poll, written in one transaction: the items become "seen", the alerts enter the
 * outbox, and the feed's validators and health are updated.
 *
 * @param url      the configured URL of the feed
 * @param listed   keys of every item the feed lists now: they stay in memory, older ones beyond a margin go
 * @param linkKeys item key to canonical-link key, for items whose link identifies them (dedupe across guid
 *                 changes and across feeds)
 */
public record PollRecord(
        String feedId,
        String url,
        Optional<String> etag,
        Optional<String> lastModified,
        List<Item> newItems,
        List<PendingAlert> alerts,
        Set<String> listed,
        Map<String, String> linkKeys) {

    public PollRecord {
        newItems = List.copyOf(newItems);
        alerts = List.copyOf(alerts);
        listed = Set.copyOf(listed);
        linkKeys = Map.copyOf(linkKeys);
    }

    /** A record without listing or link keys (nothing forgotten, no link dedupe). */
    public PollRecord(String feedId, String url, Optional<String> etag, Optional<String> lastModified,
            List<Item> newItems, List<PendingAlert> alerts) {
        this(feedId, url, etag, lastModified, newItems, alerts, Set.of(), Map.of());
    }
}
