package io.herald.store;

import io.herald.model.Destination;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alerts waiting to be delivered, delivered, or given up on with a reason. */
public interface OutboxStore {

    /** Pending rows whose next attempt is due at {@code now}, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /**
     * Per destination, its oldest pending row when that row is due at {@code now}, oldest heads first. A
     * destination whose oldest row waits (a retry, a held digest) is left out even if newer rows are due.
     */
    List<OutboxHead> dueHeads(Instant now, int limit);

    /** A destination's pending rows queued before {@code createdBefore}, oldest first. */
    List<OutboxEntry> pendingFor(Destination destination, Instant createdBefore, int limit);

    /** When the earliest pending row becomes due, if any is pending. */
    Optional<Instant> nextDue();

    void markSent(long id);

    /** Marks the row sent as the platform's message {@code messageRef} (Telegram message_id, Slack ts). */
    void markSent(long id, String messageRef);

    /** The sent alert that became message {@code messageRef} at the destination, if Herald sent one there. */
    Optional<OutboxEntry> findSent(Destination destination, String messageRef);

    /** Marks several rows sent in one transaction (a digest). */
    void markSent(List<Long> ids);

    /** Leaves the row pending until {@code when}; {@code countAttempt} false for waits the platform asked for. */
    void retryAt(long id, Instant when, String error, boolean countAttempt);

    /** Gives up on the row and keeps the reason. */
    void markFailed(long id, String reason);

    /** Gives up on every pending row of a destination (it is gone or paused); returns how many. */
    int failPending(Destination destination, String reason);

    /**
     * Moves a destination's pending rows to a new address (a Telegram group that became a supergroup). A row the
     * new address already holds for the same item and subscription, or for the same story, is dropped as the
     * duplicate it is.
     *
     * @return how many rows now point at {@code to}
     */
    int moveDestination(Destination from, Destination to);

    /** Keeps a destination's pending rows waiting until at least {@code until} (digest mode); returns how many. */
    int holdUntil(Destination destination, Instant until);

    /**
     * Keeps the pending rows of a chat and of every forum topic in it ({@link Destination#chat()}) waiting until at
     * least {@code until} (a retry_after answered to one topic holds for the whole chat); returns how many.
     */
    int holdChat(Destination chat, Instant until);

    /** The newest rows with this status, newest first. */
    List<OutboxEntry> recent(OutboxEntry.Status status, int limit);

    /** How many rows are in each status. */
    Map<OutboxEntry.Status, Integer> counts();

    /**
     * Failed rows grouped by reason (the platform's words, with only each row's own alert id and destination made
     * general), most frequent first, each with the destinations and alert ids concerned.
     */
    List<FailureGroup> failureGroups(int limit);

    /**
     * Counts one send attempt on each row without changing anything else (a send the platform answered "gone" or
     * "moved" before the rows are failed or moved).
     */
    void countAttempt(List<Long> ids);

    /**
     * Notes, before a send, that a send of the row is under way: if the process dies before the outcome is recorded
     * (a platform's {@code retry_after} answered but not yet written), the next start learns of it from
     * {@link #holdInterruptedAttempts}. Recording any outcome of the row clears the note.
     */
    void markAttempt(long id, Instant startedAt);

    /**
     * Holds every destination that has a send noted by {@link #markAttempt} but no outcome recorded (the process
     * doing it died): its pending rows wait until the send's start plus {@code hold}, and the notes are cleared.
     *
     * @return the destinations held and until when (those whose hold has not already passed)
     */
    Map<Destination, Instant> holdInterruptedAttempts(java.time.Duration hold, Instant now);
}
