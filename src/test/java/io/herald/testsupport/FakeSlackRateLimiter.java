package io.herald.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Token bucket per channel: {@code burst} messages at once, then one more every {@code interval}.
 * Thread-safe.
 */
final class FakeSlackRateLimiter {

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private int burst;
    private long intervalNanos;

    FakeSlackRateLimiter(int burst, Duration interval, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        configure(burst, interval);
    }

    synchronized void configure(int burst, Duration interval) {
        if (burst < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("rate limit needs burst >= 1 and a positive interval");
        }
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        buckets.clear();
    }

    /**
     * Takes one token for the channel.
     *
     * @return empty when allowed, else how long until the next token is available
     */
    synchronized Optional<Duration> acquire(String channel) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(channel, c -> new Bucket(burst, now));
        long elapsed = now - bucket.updatedAt;
        double refill = (double) elapsed / intervalNanos;
        bucket.tokens = Math.min(burst, bucket.tokens + refill);
        bucket.updatedAt = now;
        if (bucket.tokens >= 1.0) {
            bucket.tokens -= 1.0;
            return Optional.empty();
        }
        long waitNanos = (long) Math.ceil((1.0 - bucket.tokens) * intervalNanos);
        return Optional.of(Duration.ofNanos(waitNanos));
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
