package io.herald.deliver;

import io.herald.metrics.HeraldMetrics;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one unit of work for one destination (a single alert or a digest of several) and records the outcome:
 * sent; rescheduled (rate limit, transient failure); resent as plain text (bad markup); the destination paused or
 * moved; or failed for good with the reason. Thread-safe: one instance serves every sender thread.
 */
final class DeliveryRun {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRun.class);
    private static final long MARK_FIRST_WAIT_MILLIS = 100;
    private static final long MARK_MAX_WAIT_MILLIS = 2_000;
    private static final Duration NOTE_RETRY = Duration.ofSeconds(1);

    private final OutboxStore outbox;
    private final Map<io.herald.model.Platform, AlertSender> senders;
    private final DeliveryPolicy policy;
    private final Clock clock;
    /** Per chat (a forum's topics share their chat's entry): when it may next receive. */
    private final Map<Destination, Instant> notBefore;
    private final DestinationActions actions;
    private final HeraldMetrics metrics;

    DeliveryRun(OutboxStore outbox, Map<io.herald.model.Platform, AlertSender> senders, DeliveryPolicy policy,
                Clock clock, Map<Destination, Instant> notBefore, DestinationActions actions, HeraldMetrics metrics) {
        this.outbox = outbox;
        this.senders = senders;
        this.policy = policy;
        this.clock = clock;
        this.notBefore = notBefore;
        this.actions = actions;
        this.metrics = metrics;
    }

    /** Sends the rows (all for one destination, oldest first; several make a digest). Returns true when sent. */
    boolean deliver(List<OutboxEntry> rows, String digestHeading) {
        Destination destination = rows.get(0).alert().destination();
        AlertSender sender = senders.get(destination.platform());
        if (sender == null) {
            failAll(rows, destination.platform().key() + " is not configured, so alert " + rows.get(0).id()
                    + " to " + destination + " cannot be sent");
            return false;
        }
        Digest digest = rows.size() > 1 || digestHeading != null
                ? new Digest(destination, digestHeading == null ? rows.size() + " new stories" : digestHeading,
                rows.stream().map(OutboxEntry::alert).toList()) : null;
        if (!noteAttempt(rows.get(0), destination)) {
            return false;
        }
        Optional<String> messageRef;
        try {
            try {
                messageRef = send(sender, rows.get(0).alert(), digest, false);
            } catch (SendFailure failure) {
                if (failure.kind() != SendFailure.Kind.BAD_MARKUP) {
                    throw failure;
                }
                LOG.info("delivery: {}; resending as plain text", failure.getMessage());
                messageRef = send(sender, rows.get(0).alert(), digest, true);
            }
        } catch (SendFailure failure) {
            handle(rows, failure);
            return false;
        } catch (RuntimeException e) {
            LOG.error("delivery: unexpected error sending alert {} to {}", rows.get(0).id(), destination, e);
            handle(rows, SendFailure.transientFailure("unexpected error: " + e, e));
            return false;
        }
        // delivered: from here on the rows must become sent, never be sent again
        sent(rows, destination, messageRef);
        return true;
    }

    /**
     * Writes down that a send to the destination is under way, so that a process dying before the outcome is recorded
     * leaves a trace the next start obeys. When the store refuses, nothing is sent and the destination waits a moment.
     */
    private boolean noteAttempt(OutboxEntry head, Destination destination) {
        try {
            outbox.markAttempt(head.id(), clock.instant());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("delivery: cannot note the send of alert {} to {}: {}; trying again shortly", head.id(),
                    destination, e.getMessage());
            notBefore.put(destination.chat(), clock.instant().plus(NOTE_RETRY));
            return false;
        }
    }

    /**
     * Sends a reply to a command. Afterwards the destination keeps its pace as after an alert; a 429 makes it wait
     * as the platform asked and {@code again} puts the reply back first in line; other failures are logged.
     */
    void reply(Destination to, ReplyText text, Runnable again) {
        AlertSender sender = senders.get(to.platform());
        if (sender == null) {
            LOG.warn("delivery: {} is not configured; a reply to {} is dropped", to.platform().key(), to);
            return;
        }
        try {
            sender.sendReply(to, text);
            notBefore.put(to.chat(), clock.instant().plus(policy.gapFor(to)));
        } catch (SendFailure failure) {
            if (failure.kind() == SendFailure.Kind.RATE_LIMITED) {
                metrics.rateLimited(to.platform());
                notBefore.put(to.chat(), clock.instant().plus(failure.retryAfter().orElse(Duration.ofSeconds(1))));
                again.run();
            } else {
                LOG.warn("delivery: reply to {} not sent: {}", to, failure.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("delivery: reply to {} not sent: {}", to, e.toString());
        }
    }

    /** Sends; returns the platform's id of a single formatted alert's message (the one whose buttons can change). */
    private static Optional<String> send(AlertSender sender, Alert alert, Digest digest, boolean plain)
            throws SendFailure {
        if (digest == null) {
            if (plain) {
                sender.sendPlain(alert);
            } else {
                return sender.sendTracked(alert);
            }
        } else if (plain) {
            sender.sendDigestPlain(digest);
        } else {
            sender.sendDigest(digest);
        }
        return Optional.empty();
    }

    private void sent(List<OutboxEntry> rows, Destination destination, Optional<String> messageRef) {
        markSentUntilDone(rows, messageRef);
        Instant now = clock.instant();
        notBefore.put(destination.chat(), now.plus(policy.gapFor(destination)));
        rows.forEach(r -> metrics.alertSent(destination.platform(), Duration.between(r.createdAt(), now)));
    }

    /**
     * Marks delivered rows sent, retrying with backoff for as long as the store refuses (locked past its busy
     * timeout, briefly unwritable): the destination stays in flight meanwhile, so no resend is ever considered. Only
     * an interrupt (shutdown past its limit) ends the wait; the rows then stay pending.
     */
    private void markSentUntilDone(List<OutboxEntry> rows, Optional<String> messageRef) {
        long waitMillis = MARK_FIRST_WAIT_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                if (rows.size() == 1 && messageRef.isPresent()) {
                    outbox.markSent(rows.get(0).id(), messageRef.get());
                } else if (rows.size() == 1) {
                    outbox.markSent(rows.get(0).id());
                } else {
                    outbox.markSent(rows.stream().map(OutboxEntry::id).toList());
                }
                if (attempt > 1) {
                    LOG.info("delivery: alert {} marked sent after {} attempts", rows.get(0).id(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                LOG.warn("delivery: alert {} was delivered but cannot be marked sent yet (attempt {}): {}; retrying"
                        + " in {} ms", rows.get(0).id(), attempt, e.getMessage(), waitMillis);
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("delivery: interrupted while marking alert " + rows.get(0).id()
                        + " sent; it stays pending", e);
            }
            waitMillis = Math.min(MARK_MAX_WAIT_MILLIS, waitMillis * 2);
        }
    }

    private void handle(List<OutboxEntry> rows, SendFailure failure) {
        OutboxEntry head = rows.get(0);
        Destination destination = head.alert().destination();
        Instant now = clock.instant();
        switch (failure.kind()) {
            case RATE_LIMITED -> {
                metrics.rateLimited(destination.platform());
                Duration wait = failure.retryAfter().orElse(Duration.ofSeconds(1));
                notBefore.put(destination.chat(), now.plus(wait));
                LOG.info("delivery: {} asked us to wait {} s", destination, wait.toSeconds());
                outbox.retryAt(head.id(), now.plus(wait), failure.getMessage(), false);
                if (!destination.chat().equals(destination)) {
                    outbox.holdChat(destination.chat(), now.plus(wait)); // the chat's other topics wait too
                }
            }
            case TRANSIENT -> retryLater(rows, failure, now);
            case RECIPIENT_GONE -> {
                outbox.countAttempt(rows.stream().map(OutboxEntry::id).toList());
                actions.pause(destination, failure.getMessage());
            }
            case CHAT_MIGRATED -> {
                outbox.countAttempt(rows.stream().map(OutboxEntry::id).toList());
                actions.move(destination,
                    new Destination(destination.platform(), failure.migratedTo().orElseThrow()), failure.getMessage());
            }
            case BAD_MARKUP, PERMANENT -> failAll(rows, failure.getMessage());
        }
    }

    private void retryLater(List<OutboxEntry> rows, SendFailure failure, Instant now) {
        OutboxEntry head = rows.get(0);
        if (head.attempts() + 1 >= policy.maxAttempts()) {
            failAll(rows, "gave up after " + (head.attempts() + 1) + " attempts: " + failure.getMessage());
            return;
        }
        Duration wait = jitter(policy.backoff(head.attempts() + 1));
        LOG.warn("{} (retrying in {} ms)", failure.getMessage(), wait.toMillis());
        metrics.alertRetried(head.alert().destination().platform());
        notBefore.put(head.alert().destination().chat(), now.plus(wait));
        outbox.retryAt(head.id(), now.plus(wait), failure.getMessage(), true);
    }

    private void failAll(List<OutboxEntry> rows, String reason) {
        for (OutboxEntry row : rows) {
            LOG.warn("delivery: alert {} failed for good: {}", row.id(), reason);
            metrics.alertFailed(row.alert().destination().platform());
            outbox.markFailed(row.id(), reason);
        }
    }

    private static Duration jitter(Duration d) {
        long ms = d.toMillis();
        long spread = ms / 5;
        return Duration.ofMillis(ms - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }
}
