package io.herald.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What Herald remembers about polling one feed.
 *
 * @param url          the configured URL the state belongs to
 * @param initialized  true once a first successful poll has recorded the feed's backlog
 * @param nextPoll     when the next poll is due, once scheduled
 * @param paused       true when polling stopped after too many consecutive failures
 * @param pausedReason why, in plain words
 * @param pollUrl      where a permanent redirect moved the configured URL, polled instead of it
 * @param flood        set while the feed is flagged for exceeding the limits ({@code limits:})
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
        int consecutiveErrors,
        Optional<Instant> nextPoll,
        boolean paused,
        Optional<String> pausedReason,
        Optional<String> pollUrl,
        Optional<FeedFlood> flood) {

    /** A state that is not flagged for flooding. */
    public FeedState(String feedId, String url, Optional<String> etag, Optional<String> lastModified,
            boolean initialized, Optional<Instant> lastSuccess, Optional<String> lastError,
            Optional<Instant> lastErrorAt, int consecutiveErrors, Optional<Instant> nextPoll, boolean paused,
            Optional<String> pausedReason, Optional<String> pollUrl) {
        this(feedId, url, etag, lastModified, initialized, lastSuccess, lastError, lastErrorAt, consecutiveErrors,
                nextPoll, paused, pausedReason, pollUrl, Optional.empty());
    }

    /** A state without schedule, pause or redirect. */
    public FeedState(String feedId, String url, Optional<String> etag, Optional<String> lastModified,
            boolean initialized, Optional<Instant> lastSuccess, Optional<String> lastError,
            Optional<Instant> lastErrorAt, int consecutiveErrors) {
        this(feedId, url, etag, lastModified, initialized, lastSuccess, lastError, lastErrorAt, consecutiveErrors,
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }
}
