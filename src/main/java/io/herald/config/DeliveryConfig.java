package io.herald.config;

import java.time.Duration;

/**
 * The {@code delivery:} section: how fast Herald may send, per platform and per destination.
 *
 * @param telegramPerSecond      messages per second across all Telegram chats (Telegram allows about 30)
 * @param telegramChatPerMinute  messages per minute to one Telegram private chat (about 1 a second)
 * @param telegramGroupPerMinute messages per minute to one Telegram group or channel (at most 20)
 * @param slackPerSecond         messages per second across all Slack channels; 0 means no overall limit
 * @param slackChannelPerMinute  messages per minute to one Slack channel (about 1 a second)
 * @param floodWindow            more pending alerts than a destination may receive in this window go as digests;
 *                               0 turns flood digests off
 * @param senders                sends in flight at once, to different destinations
 * @param maxAttempts            attempts before an alert that keeps failing transiently is given up (and recorded)
 */
public record DeliveryConfig(double telegramPerSecond, int telegramChatPerMinute, int telegramGroupPerMinute,
                             double slackPerSecond, int slackChannelPerMinute, Duration floodWindow, int senders,
                             int maxAttempts) {

    /** Telegram's and Slack's published limits, with a little margin per destination. */
    public static final DeliveryConfig DEFAULTS = new DeliveryConfig(30, 57, 19, 0, 57, Duration.ofMinutes(1), 8, 12);
}
