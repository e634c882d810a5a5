package io.herald.store;

import io.herald.model.Destination;
import java.time.Instant;

/**
 * The oldest pending row of one destination, and how many rows that destination has pending. Delivery goes in
 * row order per destination, so only a head can be sent next.
 *
 * @param id        the head row's id
 * @param pending   pending rows for the destination, the head included
 * @param createdAt when the head row was queued
 */
public record OutboxHead(long id, Destination destination, int pending, Instant createdAt) {
}
