package io.herald.store;

import io.herald.model.Alert;
import java.time.Instant;
import java.util.Optional;

/**
 * One outbox row: an alert for one destination and its delivery state.
 *
 * @param createdAt     when the row was queued (the match time)
 * @param nextAttemptAt when the row is due (or was last due)
 */
public record OutboxEntry(long id, long subscriptionId, Alert alert, Status status, int attempts,
                          Optional<String> lastError, Instant createdAt, Instant nextAttemptAt) {

    /** Delivery state of an outbox row. */
    public enum Status { PENDING, SENT, FAILED }
}
