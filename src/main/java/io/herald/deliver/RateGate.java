package io.herald.deliver;

import io.herald.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The overall send rate per platform (Telegram: 30 messages a second across all chats): a token bucket holding a
 * tenth of a second's worth of sends (at least one), refilled continuously. Not thread-safe: the dispatcher owns it.
 */
final class RateGate {
    private final Map<Platform, Bucket> buckets = new EnumMap<>(Platform.class);

    RateGate(DeliveryPolicy policy) {
        for (Platform p : Platform.values()) {
            double rate = policy.perSecond(p);
            if (rate > 0) {
                buckets.put(p, new Bucket(rate, Math.max(1, Math.floor(rate / 10))));
            }
        }
    }

    /** Takes one send for the platform when one is available now. */
    boolean tryTake(Platform platform, Instant now) {
        Bucket b = buckets.get(platform);
        return b == null || b.tryTake(now);
    }

    /** How long until the platform has a send available (zero when it has one now). */
    Duration untilAvailable(Platform platform, Instant now) {
        Bucket b = buckets.get(platform);
        return b == null ? Duration.ZERO : b.untilAvailable(now);
    }

    private static final class Bucket {
        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long lastMillis = Long.MIN_VALUE;

        Bucket(double perSecond, double capacity) {
            this.perMilli = perSecond / 1000.0;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        private void refill(Instant now) {
            long ms = now.toEpochMilli();
            if (lastMillis != Long.MIN_VALUE && ms > lastMillis) {
                tokens = Math.min(capacity, tokens + (ms - lastMillis) * perMilli);
            }
            lastMillis = Math.max(lastMillis, ms);
        }

        boolean tryTake(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        Duration untilAvailable(Instant now) {
            refill(now);
            return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
        }
    }
}
