package io.herald.pipeline;

import java.util.Optional;

/**
 * What one poll did.
 *
 * @param newItems items not seen before in this feed
 * @param queued   outbox rows added (one per alert and destination)
 * @param backlog  true when this was the feed's first poll: items were recorded without alerting
 * @param error    the failure in plain words, when the poll failed
 */
public record PollResult(String feedId, boolean notModified, int newItems, int queued, boolean backlog,
                         Optional<String> error) {

    static PollResult failed(String feedId, String error) {
        return new PollResult(feedId, false, 0, 0, false, Optional.of(error));
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
