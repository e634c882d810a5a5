package io.herald.deliver;

import io.herald.model.Destination;
import io.herald.model.Platform;
import java.time.Duration;

/**
 * How fast and how persistently alerts are delivered.
 *
 * @param telegramPrivateGap minimum time between two messages to one Telegram private chat (about 1/s)
 * @param telegramGroupGap   minimum time between two messages to one Telegram group or channel (20/min)
 * @param slackChannelGap    minimum time between two messages to one Slack channel (about 1/s)
 * @param firstRetry         wait after the first transient failure; doubles each time, with jitter
 * @param maxRetryWait       the longest wait between attempts
 * @param maxAttempts        attempts before a transiently failing alert is given up (and recorded as failed)
 * @param telegramPerSecond  messages per second across all Telegram chats (30); 0 means no limit
 * @param slackPerSecond     messages per second across all Slack channels; 0 means no limit
 * @param floodWindow        when a destination has more pending alerts than its pace allows within this window,
 *                           they go out as digests
 * @param senders            how many sends may be in flight at once (to different destinations)
 */
public record DeliveryPolicy(Duration telegramPrivateGap, Duration telegramGroupGap, Duration slackChannelGap,
                             Duration firstRetry, Duration maxRetryWait, int maxAttempts,
                             double telegramPerSecond, double slackPerSecond, Duration floodWindow, int senders) {

    public DeliveryPolicy {
        requireNonNegative(telegramPrivateGap, "telegram private chat gap");
        requireNonNegative(telegramGroupGap, "telegram group gap");
        requireNonNegative(slackChannelGap, "slack channel gap");
        requireNonNegative(firstRetry, "first retry wait");
        requireNonNegative(maxRetryWait, "longest retry wait");
        requireNonNegative(floodWindow, "flood window");
        if (maxAttempts < 1 || senders < 1 || telegramPerSecond < 0 || slackPerSecond < 0) {
            throw new IllegalArgumentException("delivery: attempts and senders must be at least 1, rates not negative");
        }
    }

    /** The platform-like pacing with the default retries and flood handling. */
    public DeliveryPolicy(Duration telegramPrivateGap, Duration telegramGroupGap, Duration slackChannelGap,
                          Duration firstRetry, Duration maxRetryWait, int maxAttempts) {
        this(telegramPrivateGap, telegramGroupGap, slackChannelGap, firstRetry, maxRetryWait, maxAttempts,
                DEFAULT_TELEGRAM_PER_SECOND, 0, Duration.ofMinutes(1), DEFAULT_SENDERS);
    }

    public static final double DEFAULT_TELEGRAM_PER_SECOND = 30;
    public static final int DEFAULT_SENDERS = 8;

    /** Telegram: 1 message per 1.05 s per chat, 20 per minute per group, 30/s overall; Slack 1 per 1.05 s. */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(Duration.ofMillis(1050), Duration.ofMillis(3050), Duration.ofMillis(1050),
                Duration.ofSeconds(5), Duration.ofHours(1), 12);
    }

    /** The minimum gap between two sends to this destination. */
    public Duration gapFor(Destination destination) {
        return switch (destination.platform()) {
            case TELEGRAM -> destination.address().startsWith("-") ? telegramGroupGap : telegramPrivateGap;
            case SLACK -> slackChannelGap;
            case CONSOLE -> Duration.ZERO;
        };
    }

    /** Messages per second across a platform; 0 means no limit. */
    public double perSecond(Platform platform) {
        return switch (platform) {
            case TELEGRAM -> telegramPerSecond;
            case SLACK -> slackPerSecond;
            case CONSOLE -> 0;
        };
    }

    /**
     * The most alerts a destination may have pending and still get them one by one: what its pace allows within
     * the flood window (at least 1). More than this go out as digests.
     */
    public int floodThreshold(Destination destination) {
        Duration gap = gapFor(destination);
        if (gap.isZero() || floodWindow.isZero()) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(1, floodWindow.toMillis() / gap.toMillis());
    }

    /** The wait before attempt {@code attempts + 1}, before jitter. */
    public Duration backoff(int attempts) {
        long base = firstRetry.toMillis();
        long wait = base << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(wait, maxRetryWait.toMillis()));
    }

    private static void requireNonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("delivery: " + what + " must be zero or more");
        }
    }
}
