package io.herald.testsupport;

/**
 * Rate limits the fake Bot API applies to {@code sendMessage}, modelled on Telegram's: per chat a burst then about one
 * message per second; per group or channel (negative chat id) at most {@code groupPerMinute} a minute.
 *
 * @param enabled          false lets everything through
 * @param burst            messages one chat may receive back to back
 * @param perChatPerSecond sustained rate per chat
 * @param groupPerMinute   messages per rolling minute to one group or channel
 */
public record FakeTelegramRateLimits(boolean enabled, int burst, double perChatPerSecond, int groupPerMinute) {

    /** Telegram-like defaults: burst 3, 1/s per chat, 20/min per group. */
    public static final FakeTelegramRateLimits DEFAULT = new FakeTelegramRateLimits(true, 3, 1.0, 20);

    /** No rate limits at all. */
    public static final FakeTelegramRateLimits OFF = new FakeTelegramRateLimits(false, 1, 1.0, 1);

    public FakeTelegramRateLimits {
        if (burst < 1 || perChatPerSecond <= 0 || groupPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }
}
