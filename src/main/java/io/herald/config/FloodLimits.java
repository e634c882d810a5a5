package io.herald.config;

/**
 * The {@code limits:} section: how much work one feed may cause. Past a limit the newest are kept, the rest are
 * counted as skipped, the feed is flagged and the admins are told once.
 *
 * @param maxNewItemsPerPoll       new items alerted per poll of one feed (the newest; the others are remembered as
 *                                 seen without alerting)
 * @param maxPendingPerFeed        alerts of one feed waiting in the outbox (the oldest beyond it are dropped)
 * @param maxPendingPerDestination alerts waiting for one chat or channel (the oldest beyond it are dropped)
 */
public record FloodLimits(int maxNewItemsPerPoll, int maxPendingPerFeed, int maxPendingPerDestination) {

    /** Far above what a healthy news feed publishes between two polls, far below what floods a chat. */
    public static final FloodLimits DEFAULTS = new FloodLimits(500, 2_000, 1_000);

    public FloodLimits {
        if (maxNewItemsPerPoll < 1 || maxPendingPerFeed < 1 || maxPendingPerDestination < 1) {
            throw new IllegalArgumentException("limits: every limit must be at least 1");
        }
    }
}
