package io.herald.store;

import io.herald.model.Destination;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A chat's delivery settings.
 *
 * @param digest  one by one ({@link DigestMode#OFF}), hourly or daily digests
 * @param dailyAt the local time of the daily digest (ignored for other modes)
 * @param zone    the chat's time zone, for the daily digest time
 */
public record ChatSettings(Destination destination, DigestMode digest, LocalTime dailyAt, ZoneId zone) {

    public static final LocalTime DEFAULT_DAILY_AT = LocalTime.of(8, 0);

    public ChatSettings {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(digest, "digest");
        dailyAt = dailyAt == null ? DEFAULT_DAILY_AT : dailyAt;
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** A chat that changed nothing: alerts one by one, UTC. */
    public static ChatSettings defaults(Destination destination) {
        return new ChatSettings(destination, DigestMode.OFF, DEFAULT_DAILY_AT, ZoneOffset.UTC);
    }
}
