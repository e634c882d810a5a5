package io.herald.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Per-feed poll state and the memory of items already seen. */
public interface FeedStore {

    Optional<FeedState> find(String feedId);

    List<FeedState> all();

    /** The keys among {@code itemKeys} that this feed has not recorded yet. */
    Set<String> unseen(String feedId, Collection<String> itemKeys);

    /**
     * Records a successful poll in short transactions, so that no lock is held for the whole of a huge poll: first
     * the alerts with their items (duplicates ignored), then the other new items and the listing in chunks, last the
     * validators (the feed marked initialized, its error count reset). A failure part-way leaves every queued alert
     * queued once and the validators unchanged, so that the next poll reads the feed in full again.
     *
     * @return how many outbox rows were added
     */
    int recordPoll(PollRecord poll);

    /**
     * Drops the oldest pending alerts of the feed beyond {@code maxPerFeed}, and of each of {@code destinations}
     * beyond {@code maxPerDestination}, so the newest are kept.
     *
     * @return how many were dropped
     */
    int dropPendingBeyond(String feedId, Collection<String> destinations, int maxPerFeed, int maxPerDestination);

    /**
     * Flags the feed for exceeding the limits (or updates the flag) and adds to its skipped counts.
     *
     * @return true when the feed was not flagged before (the admins are to be told)
     */
    boolean flagFlood(String feedId, String reason, int skippedItems, int skippedAlerts);

    /** Clears the flood flag after a poll within the limits. */
    void clearFlood(String feedId);

    /** Records a failed poll with a plain-words reason. */
    void recordFailure(String feedId, String url, String error);

    /**
     * The keys among {@code itemKeys} (item key to canonical-link key, or no entry) that are new to this feed:
     * neither the item key nor its link key was recorded before (a changed guid on the same link is not new).
     */
    Set<String> unseenItems(String feedId, Map<String, String> itemKeys);

    /** Remembers when the feed is next due. */
    void scheduleNext(String feedId, String url, Instant nextPoll);

    /** Stops polling the feed until {@link #resume}; {@code reason} is shown in health reports. */
    void pause(String feedId, String reason);

    /** Polls a paused feed again and clears its error count; false when the feed is unknown. */
    boolean resume(String feedId);

    /** Remembers the feed's title as its last successful poll read it (shown by {@code /feeds}). */
    default void recordTitle(String feedId, String title) {
    }

    /** A permanent redirect: poll {@code pollUrl} from now on while the configured URL stays {@code url}. */
    void movePermanently(String feedId, String url, String pollUrl);
}
