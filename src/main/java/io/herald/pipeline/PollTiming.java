package io.herald.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next. After a success: the feed's interval, or later when the server or feed asks for it
 * (Cache-Control max-age, RSS ttl). After failures: exponential backoff from the interval, with jitter, capped at
 * 24 hours, never earlier than a Retry-After.
 *
 * @param maxFailures consecutive failures after which the feed is paused
 */
public record PollTiming(int maxFailures, Duration backoffCap) {
    public static final int DEFAULT_MAX_FAILURES = 50;
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofHours(24);

    public PollTiming {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
    }

    public static PollTiming defaults() {
        return new PollTiming(DEFAULT_MAX_FAILURES, DEFAULT_BACKOFF_CAP);
    }

    /** Delay after a successful poll (or 304). */
    public Duration afterSuccess(Duration interval, Optional<Duration> lowerBound) {
        return lowerBound.filter(b -> b.compareTo(interval) > 0).orElse(interval);
    }

    /**
     * Delay after the {@code consecutiveErrors}-th failure in a row: interval × 2^(n−1), times a jitter factor
     * in [0.75, 1.25), capped; at least {@code retryAfter}.
     */
    public Duration afterFailure(Duration interval, int consecutiveErrors, Optional<Duration> retryAfter,
            RandomGenerator random) {
        int doublings = Math.max(0, Math.min(consecutiveErrors - 1, 30));
        double base = Math.min((double) backoffCap.toMillis(), interval.toMillis() * Math.pow(2, doublings));
        long jittered = (long) Math.min(backoffCap.toMillis(), base * (0.75 + random.nextDouble() / 2));
        Duration delay = Duration.ofMillis(Math.max(1000, jittered));
        return retryAfter.filter(r -> r.compareTo(delay) > 0).orElse(delay);
    }
}
