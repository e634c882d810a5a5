package io.herald.health;

import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import io.herald.supervise.Supervised;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The health checks behind {@code /health/ready}, run in the background (under the supervisor) so that an HTTP
 * request never waits on the database: every {@code interval} it writes a probe row (the database is writable) and
 * reads when the oldest pending alert became due; every {@value #SLOW_EVERY} checks (and after the database was
 * broken) it also reads the feeds' health and the outbox counts.
 */
public final class HealthMonitor implements Supervised {
    static final int SLOW_EVERY = 5;

    private final Runnable writeProbe;
    private final OutboxStore outbox;
    private final FeedStore feeds;
    private final Clock clock;
    private final Duration interval;
    private final Object sleeper = new Object();
    private volatile HealthSample latest;
    private volatile boolean running = true;
    private int checks;

    /**
     * @param writeProbe a small write in its own transaction; throws when the database cannot be written
     */
    public HealthMonitor(Runnable writeProbe, OutboxStore outbox, FeedStore feeds, Clock clock, Duration interval) {
        this.writeProbe = writeProbe;
        this.outbox = outbox;
        this.feeds = feeds;
        this.clock = clock;
        this.interval = interval;
    }

    /** The last check's result; empty before the first one finished. */
    public Optional<HealthSample> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void run() throws InterruptedException {
        while (running) {
            checkNow();
            synchronized (sleeper) {
                if (running) {
                    TimeUnit.MILLISECONDS.timedWait(sleeper, Math.max(1, interval.toMillis()));
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** Runs the checks once and keeps the result as {@link #latest()}; never throws (a failure is the finding). */
    public HealthSample checkNow() {
        HealthSample sample = check();
        latest = sample;
        return sample;
    }

    private HealthSample check() {
        Instant now = clock.instant();
        HealthSample previous = latest;
        try {
            writeProbe.run();
        } catch (RuntimeException e) {
            return broken(previous, now, "database unwritable: " + plain(e));
        }
        try {
            Optional<Instant> oldestDue = outbox.nextDue().filter(due -> !due.isAfter(now));
            boolean slow = previous == null || previous.databaseProblem().isPresent() || checks++ % SLOW_EVERY == 0;
            if (!slow) {
                return new HealthSample(now, Optional.empty(), oldestDue, previous.feeds(), previous.failingFeeds(),
                        previous.alerts());
            }
            List<FeedState> states = feeds.all();
            List<String> failing = states.stream().filter(s -> s.paused() || s.consecutiveErrors() > 0)
                    .map(FeedState::feedId).sorted().toList();
            return new HealthSample(now, Optional.empty(), oldestDue, states.size(), failing, outbox.counts());
        } catch (RuntimeException e) {
            return broken(previous, now, "database unreadable: " + plain(e));
        }
    }

    /** The store's message without its leading {@code database: }. */
    private static String plain(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("database: ") ? m.substring("database: ".length()) : m;
    }

    private static HealthSample broken(HealthSample previous, Instant now, String problem) {
        if (previous == null) {
            Map<OutboxEntry.Status, Integer> none = new EnumMap<>(OutboxEntry.Status.class);
            return new HealthSample(now, Optional.of(problem), Optional.empty(), 0, List.of(), none);
        }
        return previous.broken(now, problem);
    }
}
