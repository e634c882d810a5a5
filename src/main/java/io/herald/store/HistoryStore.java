package io.herald.store;

import java.time.Instant;

/** Old history that may be forgotten: sent alerts and items no feed has listed for a long time. */
public interface HistoryStore {

    /** Deletes up to {@code limit} alerts sent before {@code cutoff}, in one short transaction; returns how many. */
    int deleteSentAlertsBefore(Instant cutoff, int limit);

    /**
     * Deletes up to {@code limit} items that no poll has listed since {@code cutoff}, in one short transaction;
     * returns how many. An item its feed still lists is listed at every poll, so it is never forgotten (and never
     * alerted again).
     */
    int deleteItemsNotListedSince(Instant cutoff, int limit);

    /**
     * Deletes up to {@code limit} rows of the subscription change log written before {@code cutoff}; returns how many.
     * A node that had not read them yet reloads every subscription instead.
     */
    int deleteSubscriptionChangesBefore(Instant cutoff, int limit);
}
