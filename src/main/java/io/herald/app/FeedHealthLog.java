package io.herald.app;

import io.herald.pipeline.FeedHealthListener;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where feed-health events go: logged at WARN, then handed to the admin notice (a chat message to the admins once
 * that notifier is wired; nothing yet).
 */
final class FeedHealthLog implements FeedHealthListener {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHealthLog.class);
    private final BiConsumer<String, String> adminNotice;

    FeedHealthLog(BiConsumer<String, String> adminNotice) {
        this.adminNotice = adminNotice;
    }

    @Override
    public void feedPaused(String feedId, String reason) {
        LOG.warn("feed {}: {}", feedId, reason);
        try {
            adminNotice.accept(feedId, "Feed " + feedId + " is paused: " + reason);
        } catch (RuntimeException e) {
            LOG.warn("feed {}: cannot tell the admins it is paused: {}", feedId, e.getMessage());
        }
    }

    @Override
    public void feedFlooded(String feedId, String reason) {
        try {
            adminNotice.accept(feedId, "Feed " + feedId + " sends more than Herald's limits allow: " + reason
                    + ". It is flagged in `herald feeds` and /status until a poll is within the limits again.");
        } catch (RuntimeException e) {
            LOG.warn("feed {}: cannot tell the admins it floods: {}", feedId, e.getMessage());
        }
    }
}
