package io.herald.supervise;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Restart waits: {@code first}, doubling up to {@code max}, each with ±20% jitter so that loops failing together
 * do not retry in lockstep. A loop that ran for {@code healthyAfter} before dying starts again at {@code first}.
 */
public record Backoff(Duration first, Duration max, Duration healthyAfter) {

    /** 0.5 s doubling to 10 s: a database or network outage is noticed within seconds of ending. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofMinutes(1));

    /** The wait after {@code previous} (null for the first failure). */
    Duration next(Duration previous) {
        if (previous == null) {
            return first;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** {@code wait} with ±20% jitter. */
    static Duration jitter(Duration wait) {
        long ms = wait.toMillis();
        long spread = ms / 5;
        return Duration.ofMillis(ms - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }
}
