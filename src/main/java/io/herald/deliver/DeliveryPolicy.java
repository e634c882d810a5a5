package io.herald.deliver;

import io.herald.model.Destination;
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
 */
public record DeliveryPolicy(Duration telegramPrivateGap, Duration telegramGroupGap, Duration slackChannelGap,
                             Duration firstRetry, Duration maxRetryWait, int maxAttempts) {

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

    /** The wait before attempt {@code attempts + 1}, before jitter. */
    public Duration backoff(int attempts) {
        long base = firstRetry.toMillis();
        long wait = base << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(wait, maxRetryWait.toMillis()));
    }
}
