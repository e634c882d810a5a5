package io.herald.pipeline;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.match.index.SubscriptionIndex;
import io.herald.model.Subscription;
import io.herald.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active subscriptions in a {@link SubscriptionIndex}, kept in step with the store: whenever the store's
 * version moves (a subscription added, removed, paused, moved, or routes reloaded), the next match applies just the
 * differences to the index (no rebuild), so a change shows up at once and matching cost does not grow with the
 * number of subscriptions.
 */
public final class SubscriptionMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMatcher.class);

    private final SubscriptionStore store;
    private final SubscriptionIndex index = new SubscriptionIndex();
    private volatile Map<Long, Compiled> indexed = Map.of();
    private long indexedVersion = Long.MIN_VALUE;

    /** A matching subscription, its parsed query and the query terms found in the document. */
    public record Hit(Subscription subscription, List<String> terms) {
    }

    private record Compiled(Subscription subscription, Query query) {
    }

    public SubscriptionMatcher(SubscriptionStore store) {
        this.store = store;
    }

    /** The subscriptions the document matches, oldest subscription first. */
    public List<Hit> match(Document document) {
        Map<Long, Compiled> current = refresh();
        long[] ids = index.match(document);
        Arrays.sort(ids);
        List<Hit> hits = new ArrayList<>(ids.length);
        for (long id : ids) {
            Compiled c = current.get(id);
            if (c != null) {
                hits.add(new Hit(c.subscription(), c.query().explain(document)));
            }
        }
        return hits;
    }

    /** How many subscriptions the index holds now. */
    public int size() {
        refresh();
        return index.size();
    }

    /** How many subscriptions the index held after the last match (without reading the store). */
    public int indexedCount() {
        return indexed.size();
    }

    private synchronized Map<Long, Compiled> refresh() {
        long version = store.version();
        if (version == indexedVersion) {
            return indexed;
        }
        Map<Long, Compiled> next = new HashMap<>();
        for (Subscription s : store.active()) {
            Compiled old = indexed.get(s.id());
            if (old != null && old.subscription().equals(s)) {
                next.put(s.id(), old);
                continue;
            }
            try {
                Query query = Query.parse(s.query());
                index.add(s.id(), query, s.feeds());
                next.put(s.id(), new Compiled(s, query));
            } catch (QueryException e) {
                index.remove(s.id());
                LOG.warn("subscription {} has a query that no longer parses ({}): skipped", s.id(), e.getMessage());
            }
        }
        for (Long gone : indexed.keySet()) {
            if (!next.containsKey(gone)) {
                index.remove(gone);
            }
        }
        indexed = next;
        indexedVersion = version;
        return next;
    }
}
