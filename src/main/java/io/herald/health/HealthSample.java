package io.herald.health;

import io.herald.store.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last health check saw.
 *
 * @param at              when it was taken
 * @param databaseProblem why the database could not be written (or read), when it could not
 * @param oldestDue       since when the oldest pending alert has been due, if any is pending
 * @param feeds           how many feeds the database knows
 * @param failingFeeds    ids of feeds whose last poll failed or that are paused
 * @param alerts          outbox rows by status
 */
public record HealthSample(Instant at, Optional<String> databaseProblem, Optional<Instant> oldestDue, int feeds,
                           List<String> failingFeeds, Map<OutboxEntry.Status, Integer> alerts) {

    public HealthSample {
        failingFeeds = List.copyOf(failingFeeds);
        alerts = Map.copyOf(alerts);
    }

    /** The same counts, with the database found broken at {@code when}. */
    HealthSample broken(Instant when, String problem) {
        return new HealthSample(when, Optional.of(problem), oldestDue, feeds, failingFeeds, alerts);
    }
}
