package io.herald.health;

import io.herald.health.HealthReport.Level;
import io.herald.supervise.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the last health check, the supervised loops and the chat transports into a {@link HealthReport}. Down: the
 * database cannot be written, an essential loop (delivery) is dead and waiting to be restarted, the oldest due alert
 * has waited longer than {@code stallAfter}, or the checks themselves stopped. Degraded: another loop is restarting,
 * a chat transport is disconnected, or feeds are failing.
 */
public final class Readiness {
    /** Delivery counts as stalled when an alert has been due this long without being sent. */
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofMinutes(10);
    private static final int FEEDS_NAMED = 5;

    private final Duration stallAfter;
    private final Duration staleAfter;

    /**
     * @param stallAfter  how long the oldest due alert may wait before delivery counts as stalled
     * @param checkPeriod how often the health checks run; a sample three periods old (plus 5 s) is stale
     */
    public Readiness(Duration stallAfter, Duration checkPeriod) {
        this.stallAfter = stallAfter;
        this.staleAfter = checkPeriod.multipliedBy(3).plusSeconds(5);
    }

    public HealthReport assess(Optional<HealthSample> sample, List<WorkerState> workers,
                               List<Transports.State> transports, Instant now) {
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        if (sample.isEmpty()) {
            down.add("starting: the first health check has not finished");
        } else {
            checkSample(sample.get(), now, down, degraded);
        }
        for (WorkerState w : workers) {
            if (w.status() == WorkerState.Status.RESTARTING) {
                (w.essential() ? down : degraded).add(w.name() + " restarting after a failure: "
                        + w.lastError().orElse("unknown error"));
            } else if (w.status() == WorkerState.Status.STOPPED && w.essential()) {
                down.add(w.name() + " stopped");
            }
        }
        for (Transports.State t : transports) {
            if (!t.connected()) {
                degraded.add(t.transport() + " disconnected: " + t.reason().orElse("no reason given"));
            }
        }
        Level level = !down.isEmpty() ? Level.DOWN : !degraded.isEmpty() ? Level.DEGRADED : Level.OK;
        List<String> reasons = new ArrayList<>(down);
        reasons.addAll(degraded);
        return new HealthReport(level, reasons, sample);
    }

    private void checkSample(HealthSample s, Instant now, List<String> down, List<String> degraded) {
        Duration age = Duration.between(s.at(), now);
        if (age.compareTo(staleAfter) > 0) {
            down.add("health checks stalled: the last one ran " + age.toSeconds() + " s ago");
        }
        s.databaseProblem().ifPresent(down::add);
        s.oldestDue().map(due -> Duration.between(due, now)).filter(wait -> wait.compareTo(stallAfter) > 0)
                .ifPresent(wait -> down.add("delivery stalled: the oldest due alert has waited " + minutes(wait)));
        if (!s.failingFeeds().isEmpty()) {
            List<String> named = s.failingFeeds().subList(0, Math.min(FEEDS_NAMED, s.failingFeeds().size()));
            String more = s.failingFeeds().size() > FEEDS_NAMED ? ", ..." : "";
            degraded.add("feeds failing: " + s.failingFeeds().size() + " of " + s.feeds() + " ("
                    + String.join(", ", named) + more + ")");
        }
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
