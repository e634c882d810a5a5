package io.herald.store;

import java.util.Collection;
import java.util.List;
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
}
