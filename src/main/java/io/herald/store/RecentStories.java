package io.herald.store;

import io.herald.model.Item;
import java.util.List;

/**
 * The newest stories Herald has seen, with the text a query is matched against, so that a query can be tried on
 * them before subscribing ({@code /test}). Polls write them ({@link FeedStore#recordPoll}); the store keeps only
 * the newest {@value #KEPT} and forgets a story when its feed's memory of items forgets it.
 */
public interface RecentStories {

    /** How many stories are kept. */
    int KEPT = 200;

    /** How much of a story's text is kept for matching (characters). */
    int TEXT_CHARS = 4_000;

    /**
     * The newest stories, newest first, at most {@code limit}: feed id, item id, title, link and text (in
     * {@link Item#summary()}).
     */
    List<Item> latest(int limit);
}
