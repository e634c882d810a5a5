package io.herald.store;

import io.herald.model.Alert;
import java.util.Optional;

/** One outbox row: an alert for one destination and its delivery state. */
public record OutboxEntry(long id, long subscriptionId, Alert alert, Status status, int attempts,
                          Optional<String> lastError) {

    /** Delivery state of an outbox row. */
    public enum Status { PENDING, SENT, FAILED }
}
