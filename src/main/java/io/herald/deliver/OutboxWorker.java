package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows: paces each destination, obeys a platform's retry-after for that destination only,
 * retries transient failures with backoff and jitter, and records permanent failures with their reason.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 100;
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private final OutboxStore outbox;
    private final Map<Platform, AlertSender> senders = new EnumMap<>(Platform.class);
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Map<Destination, Instant> notBefore = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public OutboxWorker(OutboxStore outbox, List<AlertSender> senders, DeliveryPolicy policy, Clock clock) {
        this.outbox = outbox;
        senders.forEach(s -> this.senders.put(s.platform(), s));
        this.policy = policy;
        this.clock = clock;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "herald-delivery");
        thread.start();
    }

    /** Tells the worker new rows are waiting. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends every row that is due now and whose destination may receive now; returns how many were sent.
     * Rows that must wait are rescheduled, not dropped.
     */
    public int deliverDue() {
        int sent = 0;
        for (OutboxEntry entry : outbox.due(clock.instant(), BATCH)) {
            if (!running && thread != null) {
                break;
            }
            sent += deliver(entry) ? 1 : 0;
        }
        return sent;
    }

    private boolean deliver(OutboxEntry entry) {
        Alert alert = entry.alert();
        Destination destination = alert.destination();
        Instant now = clock.instant();
        Instant allowed = notBefore.getOrDefault(destination, Instant.MIN);
        if (allowed.isAfter(now)) {
            outbox.retryAt(entry.id(), allowed, entry.lastError().orElse(null), false);
            return false;
        }
        AlertSender sender = senders.get(destination.platform());
        if (sender == null) {
            fail(entry, destination.platform().key() + " is not configured, so alert " + entry.id()
                    + " to " + destination + " cannot be sent");
            return false;
        }
        try {
            sender.send(alert);
            outbox.markSent(entry.id());
            notBefore.put(destination, clock.instant().plus(policy.gapFor(destination)));
            return true;
        } catch (SendFailure failure) {
            handle(entry, failure);
            return false;
        } catch (RuntimeException e) {
            LOG.error("delivery: unexpected error sending alert {} to {}", entry.id(), destination, e);
            handle(entry, SendFailure.transientFailure("unexpected error: " + e, e));
            return false;
        }
    }

    private void handle(OutboxEntry entry, SendFailure failure) {
        Destination destination = entry.alert().destination();
        if (failure.retryAfter().isPresent()) {
            Instant until = clock.instant().plus(failure.retryAfter().get());
            notBefore.put(destination, until);
            LOG.info("delivery: {} asked us to wait {} s", destination, failure.retryAfter().get().toSeconds());
            outbox.retryAt(entry.id(), until, failure.getMessage(), false);
        } else if (failure.isPermanent()) {
            fail(entry, failure.getMessage());
        } else if (entry.attempts() + 1 >= policy.maxAttempts()) {
            fail(entry, "gave up after " + (entry.attempts() + 1) + " attempts: " + failure.getMessage());
        } else {
            Duration wait = jitter(policy.backoff(entry.attempts() + 1));
            LOG.warn("{} (retrying in {} s)", failure.getMessage(), wait.toSeconds());
            outbox.retryAt(entry.id(), clock.instant().plus(wait), failure.getMessage(), true);
        }
    }

    private void fail(OutboxEntry entry, String reason) {
        LOG.warn("delivery: alert {} failed for good: {}", entry.id(), reason);
        outbox.markFailed(entry.id(), reason);
    }

    private static Duration jitter(Duration d) {
        long ms = d.toMillis();
        long spread = ms / 5;
        return Duration.ofMillis(ms - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    private void loop() {
        while (running) {
            try {
                int sent = deliverDue();
                if (sent == 0) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                LOG.error("delivery: {}", e.getMessage(), e);
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        Instant now = clock.instant();
        Duration wait = outbox.nextDue()
                .map(next -> Duration.between(now, next))
                .filter(d -> d.compareTo(IDLE_WAIT) < 0)
                .orElse(IDLE_WAIT);
        lock.lock();
        try {
            if (!woken && running && !wait.isNegative() && !wait.isZero()) {
                wakeUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops after the send in progress, waiting at most {@code timeout}. */
    public void stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wake();
        if (t != null) {
            try {
                t.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(8));
    }
}
