package io.herald.deliver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How alerts show when a story was published: relative to now, then the UTC time, e.g.
 * {@code 5 min ago · 2024-11-04 12:30 UTC}. Older than a week, or in the future by more than a few minutes
 * (a feed's clock is wrong), only the UTC time is shown.
 */
public final class PublishedTime {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public PublishedTime(Clock clock) {
        this.clock = clock;
    }

    /** e.g. {@code 3 h ago · 2024-11-04 09:30 UTC}. */
    public String describe(Instant published) {
        String utc = UTC.format(published);
        Duration age = Duration.between(published, clock.instant());
        if (age.compareTo(FUTURE_TOLERANCE.negated()) < 0 || age.toDays() >= 7) {
            return utc;
        }
        return relative(age) + " · " + utc;
    }

    private static String relative(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = age.toHours();
        if (hours < 24) {
            return hours + " h ago";
        }
        long days = age.toDays();
        return days == 1 ? "yesterday" : days + " days ago";
    }
}
