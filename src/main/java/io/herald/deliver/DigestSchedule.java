package io.herald.deliver;

import io.herald.store.ChatSettings;
import io.herald.store.DigestMode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** When a chat's hourly or daily digest goes out, in the chat's time zone. */
final class DigestSchedule {
    private DigestSchedule() {
    }

    /**
     * The latest digest time at or before {@code now}: alerts queued before it are due in a digest now; alerts
     * queued after it wait for {@link #next}.
     */
    static Instant slotStart(ChatSettings settings, Instant now) {
        ZonedDateTime local = now.atZone(settings.zone());
        if (settings.digest() == DigestMode.HOURLY) {
            return local.truncatedTo(ChronoUnit.HOURS).toInstant();
        }
        if (settings.digest() == DigestMode.DAILY) {
            ZonedDateTime today = local.toLocalDate().atTime(settings.dailyAt()).atZone(settings.zone());
            return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
        }
        return now;
    }

    /** The first digest time after {@code now}. */
    static Instant next(ChatSettings settings, Instant now) {
        ZonedDateTime start = slotStart(settings, now).atZone(settings.zone());
        return switch (settings.digest()) {
            case HOURLY -> start.plusHours(1).toInstant();
            case DAILY -> start.toLocalDate().plusDays(1).atTime(settings.dailyAt()).atZone(settings.zone()).toInstant();
            case OFF -> now;
        };
    }
}
