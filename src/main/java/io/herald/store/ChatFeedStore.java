package io.herald.store;

import java.util.List;
import java.util.Optional;

/** Feeds added from chat or by OPML import, shared by every node that uses the database. */
public interface ChatFeedStore {

    /** Every chat-added feed, by id. */
    List<ChatFeed> all();

    Optional<ChatFeed> find(String id);

    /**
     * Adds every feed, or none: all in one transaction.
     *
     * @throws StoreException when one of them has the id or URL of a feed already stored (nothing is added)
     */
    void addAll(List<ChatFeed> feeds);

    /** Forgets the feed; false when it was not a chat-added feed. */
    boolean remove(String id);

    /**
     * Pauses polling of the feed (its poll state is created if it had none) until {@link FeedStore#resume}.
     *
     * @param url the feed's URL, for a feed never polled yet
     */
    void pause(String feedId, String url, String reason);

    /** Each polled feed's title as its last successful poll read it. */
    java.util.Map<String, String> titles();

    /** When each feed last recorded a new item (any feed, not only chat-added ones). */
    java.util.Map<String, java.time.Instant> lastNewItems();
}
