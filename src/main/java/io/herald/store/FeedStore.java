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
     * Records a successful poll atomically: items seen, alerts queued (duplicates ignored), validators stored,
     * the feed marked initialized and its error count reset.
     *
     * @return how many outbox rows were added
     */
    int recordPoll(PollRecord poll);

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
