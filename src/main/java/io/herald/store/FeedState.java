package io.herald.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What Herald remembers about polling one feed.
 *
 * @param initialized true once a first successful poll has recorded the feed's backlog
 */
public record FeedState(
        String feedId,
        String url,
        Optional<String> etag,
        Optional<String> lastModified,
        boolean initialized,
        Optional<Instant> lastSuccess,
        Optional<String> lastError,
        Optional<Instant> lastErrorAt,
        int consecutiveErrors) {
}
