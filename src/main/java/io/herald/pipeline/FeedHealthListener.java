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

    /**
     * The feed went past a limit of {@code limits:} (new items per poll, pending alerts) and is now flagged; said once
     * per flood, not at every poll of it.
     *
     * @param reason one plain sentence: what was too much and what was skipped
     */
    default void feedFlooded(String feedId, String reason) {
    }
}
