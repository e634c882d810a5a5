package io.herald.pipeline;

/** Told when a feed's health changes in a way admins must hear about. */
@FunctionalInterface
public interface FeedHealthListener {
    /** Does nothing. */
    FeedHealthListener NONE = (feedId, reason) -> { };

    /**
     * Polling of {@code feedId} stopped after too many consecutive failures.
     *
     * @param reason one plain sentence: how many failures and the last error
     */
    void feedPaused(String feedId, String reason);
}
