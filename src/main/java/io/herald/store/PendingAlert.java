package io.herald.store;

import io.herald.model.Alert;

/** An alert to queue in the outbox for one subscription. */
public record PendingAlert(long subscriptionId, Alert alert) {
}
