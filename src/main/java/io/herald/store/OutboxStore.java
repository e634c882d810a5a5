package io.herald.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alerts waiting to be delivered, delivered, or given up on with a reason. */
public interface OutboxStore {

    /** Pending rows whose next attempt is due at {@code now}, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /** When the earliest pending row becomes due, if any is pending. */
    Optional<Instant> nextDue();

    void markSent(long id);

    /** Leaves the row pending until {@code when}; {@code countAttempt} false for waits the platform asked for. */
    void retryAt(long id, Instant when, String error, boolean countAttempt);

    /** Gives up on the row and keeps the reason. */
    void markFailed(long id, String reason);

    /** The newest rows with this status, newest first. */
    List<OutboxEntry> recent(OutboxEntry.Status status, int limit);

    /** How many rows are in each status. */
    Map<OutboxEntry.Status, Integer> counts();
}
