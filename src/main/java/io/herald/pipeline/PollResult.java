package io.herald.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one poll did.
 *
 * @param newItems    items not seen before in this feed
 * @param queued      outbox rows added (one per alert and destination)
 * @param backlog     true when this was the feed's first poll: items were recorded without alerting
 * @param error       the failure in plain words, when the poll failed
 * @param minInterval the server's or feed's lower bound for the next poll (max-age, ttl, Retry-After)
 * @param nextPoll    when the feed should be polled next; empty when it is paused
 * @param consecutiveErrors failures in a row, this one included (0 after a success)
 * @param paused      true when this failure paused the feed (or it was already paused)
 */
public record PollResult(String feedId, boolean notModified, int newItems, int queued, boolean backlog,
                         Optional<String> error, Optional<Duration> minInterval, Optional<Instant> nextPoll,
                         int consecutiveErrors, boolean paused) {

    public PollResult {
        minInterval = minInterval == null ? Optional.empty() : minInterval;
        nextPoll = nextPoll == null ? Optional.empty() : nextPoll;
    }

    /** A result without scheduling information. */
    public PollResult(String feedId, boolean notModified, int newItems, int queued, boolean backlog,
            Optional<String> error) {
        this(feedId, notModified, newItems, queued, backlog, error, Optional.empty(), Optional.empty(),
                error.isPresent() ? 1 : 0, false);
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
