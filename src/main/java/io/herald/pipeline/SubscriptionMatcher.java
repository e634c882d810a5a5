package io.herald.pipeline;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.match.index.MatchExplanation;
import io.herald.match.index.SubscriptionIndex;
import io.herald.model.Subscription;
import io.herald.store.SubscriptionStore;
import io.herald.store.SubscriptionStore.Changes;
import io.herald.store.SubscriptionStore.Indexed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active subscriptions in a {@link SubscriptionIndex}, kept in step with the store through its change log.
 *
 * <p>{@link #load} reads every active subscription once, row by row, into the index. After that, {@link #refresh}
 * reads only the log rows after the last one applied (every node on a shared database tails the same log, so a
 * change made through any node reaches them all) and applies each changed subscription as it is now: added or
 * replaced when active, removed when deleted or paused. Nothing but the compiled index and its ids stays in memory:
 * the rows of the subscriptions a document matched are read by id ({@link #match}), and why one matched is worked
 * out only for the alerts built from it ({@link #explain}).
 */
public final class SubscriptionMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMatcher.class);
    /** Change-log rows read per round trip. */
    static final int CHANGES_PER_READ = 2000;

    private final SubscriptionStore store;
    private volatile SubscriptionIndex index = new SubscriptionIndex();
    private final Object refreshing = new Object();
    private volatile long position = -1;

    /** A matching subscription; its terms come from {@link #explain}. */
    public record Hit(Subscription subscription) {
    }

    public SubscriptionMatcher(SubscriptionStore store) {
        this.store = store;
    }

    /**
     * Fills the index with every active subscription (once; later calls only {@link #refresh}). Returns how many it
     * holds.
     */
    public int load() {
        synchronized (refreshing) {
            if (position < 0) {
                loadAll();
            } else {
                refreshLocked();
            }
            return index.size();
        }
    }

    /** Applies the changes logged since the last refresh (loading everything first if nothing was loaded yet). */
    public void refresh() {
        synchronized (refreshing) {
            if (position < 0) {
                loadAll();
            } else {
                refreshLocked();
            }
        }
    }

    /**
     * The active subscriptions the document matches, oldest first, as the index stands (call {@link #refresh} first
     * to take in the latest changes). A subscription removed or paused since the last refresh is left out.
     */
    public List<Hit> match(Document document) {
        if (position < 0) {
            refresh();
        }
        long[] ids = index.match(document.title(), document.text(), document.source());
        if (ids.length == 0) {
            return List.of();
        }
        List<Long> boxed = new ArrayList<>(ids.length);
        for (long id : ids) {
            boxed.add(id);
        }
        List<Hit> hits = new ArrayList<>(ids.length);
        for (Subscription s : store.active(boxed)) {
            hits.add(new Hit(s));
        }
        return hits;
    }

    /** The query terms of {@code hit} found in the document (for highlighting and focusing the summary). */
    public List<String> explain(Hit hit, Document document) {
        return index.explain(hit.subscription().id(), document).map(MatchExplanation::termTexts)
                .orElseGet(() -> explainFromQuery(hit.subscription(), document));
    }

    /** When the subscription left the index between the match and now: explained from its stored query. */
    private static List<String> explainFromQuery(Subscription s, Document document) {
        try {
            return Query.parse(s.query()).explain(document);
        } catch (QueryException e) {
            return List.of();
        }
    }

    /** How many subscriptions the index holds now (after a refresh). */
    public int size() {
        refresh();
        return index.size();
    }

    /** How many subscriptions the index holds (without reading the store). */
    public int indexedCount() {
        return index.size();
    }

    /**
     * Reads every active subscription into a new index, then puts it in place of the old one (matches in flight finish
     * on the old one). Only at the first load and after unread changes were deleted as old, which is rare.
     */
    private void loadAll() {
        long started = System.nanoTime();
        int[] skipped = new int[1];
        SubscriptionIndex fresh = new SubscriptionIndex();
        long at = store.forEachActive(s -> {
            if (!put(fresh, s)) {
                skipped[0]++;
            }
        });
        index = fresh;
        position = at;
        LOG.info("matching index: {} active subscriptions loaded in {} ms{}", fresh.size(),
                (System.nanoTime() - started) / 1_000_000, skipped[0] > 0 ? " (" + skipped[0] + " skipped)" : "");
    }

    private void refreshLocked() {
        Changes changes;
        do {
            changes = store.changesSince(position, CHANGES_PER_READ);
            if (changes.reload()) {
                LOG.warn("matching index: the subscription changes after position {} were deleted before this node"
                        + " read them; reloading every subscription", position);
                loadAll();
                return;
            }
            apply(changes.ids());
            position = changes.position();
        } while (changes.more());
    }

    private void apply(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> stillActive = new HashSet<>();
        for (Indexed s : store.indexed(ids)) {
            if (put(index, s)) {
                stillActive.add(s.id());
            }
        }
        for (Long id : ids) {
            if (!stillActive.contains(id)) {
                index.remove(id);
            }
        }
    }

    /** Adds or replaces one subscription; false (and left out of the index) when its query does not parse. */
    private static boolean put(SubscriptionIndex index, Indexed s) {
        try {
            index.add(s.id(), Query.parse(s.query()), s.feeds());
            return true;
        } catch (QueryException e) {
            index.remove(s.id());
            LOG.warn("subscription {} has a query that no longer parses ({}): skipped", s.id(), e.getMessage());
            return false;
        }
    }
}
