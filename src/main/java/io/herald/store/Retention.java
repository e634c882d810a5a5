package io.herald.store;

import io.herald.supervise.Supervised;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets old history once an hour (and shortly after start): alerts sent longer ago than the configured age,
 * items no feed has listed for that long, and subscription change-log rows that old, in batches of {@value #BATCH} rows, each its own short transaction with a
 * pause between them so that polls and delivery are never held up. Failed and pending alerts are kept.
 */
public final class Retention implements Supervised {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 500;
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final Duration PERIOD = Duration.ofHours(1);
    private static final Duration BETWEEN_BATCHES = Duration.ofMillis(50);

    private final HistoryStore history;
    private final Duration maxAge;
    private final Clock clock;
    private final Object sleeper = new Object();
    private volatile boolean running = true;

    /** @param maxAge how long sent alerts and unlisted items are kept */
    public Retention(HistoryStore history, Duration maxAge, Clock clock) {
        this.history = history;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Deleted rows of one run. */
    public record Deleted(int alerts, int items) {
    }

    @Override
    public void run() throws InterruptedException {
        pause(FIRST_RUN);
        while (running) {
            Deleted d = runOnce();
            if (d.alerts() + d.items() > 0) {
                LOG.info("retention: deleted {} sent alerts and {} items older than {} days", d.alerts(), d.items(),
                        maxAge.toDays());
            }
            pause(PERIOD);
        }
    }

    /** Deletes everything older than the age now, batch by batch; stops early when asked to stop. */
    public Deleted runOnce() throws InterruptedException {
        Instant cutoff = clock.instant().minus(maxAge);
        int alerts = 0;
        int items = 0;
        int n;
        do {
            n = history.deleteSentAlertsBefore(cutoff, BATCH);
            alerts += n;
        } while (n == BATCH && pause(BETWEEN_BATCHES));
        do {
            n = history.deleteItemsNotListedSince(cutoff, BATCH);
            items += n;
        } while (n == BATCH && pause(BETWEEN_BATCHES));
        int changes = 0;
        do {
            n = history.deleteSubscriptionChangesBefore(cutoff, BATCH);
            changes += n;
        } while (n == BATCH && pause(BETWEEN_BATCHES));
        if (changes > 0) {
            LOG.debug("retention: deleted {} subscription change-log rows", changes);
        }
        return new Deleted(alerts, items);
    }

    @Override
    public void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** Waits (until stopped); returns whether to go on. */
    private boolean pause(Duration d) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        synchronized (sleeper) {
            while (running && System.nanoTime() < until) {
                TimeUnit.NANOSECONDS.timedWait(sleeper, until - System.nanoTime());
            }
        }
        return running;
    }
}
