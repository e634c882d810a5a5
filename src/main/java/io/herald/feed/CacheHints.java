package io.herald.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the server's "not before" hints: {@code Retry-After} and {@code Cache-Control: max-age}. */
final class CacheHints {
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");
    private static final Duration LONGEST = Duration.ofDays(7);

    private CacheHints() {
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date, capped at a week; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,10}")) {
            return Optional.of(cap(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code max-age} of a {@code Cache-Control} header, ignored with no-store/no-cache; capped at a week. */
    static Optional<Duration> maxAge(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.contains("no-store") || lower.contains("no-cache")) {
            return Optional.empty();
        }
        Matcher m = MAX_AGE.matcher(header);
        return m.find() ? Optional.of(cap(Duration.ofSeconds(Long.parseLong(m.group(1))))) : Optional.empty();
    }

    /** The larger of two optional lower bounds. */
    static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static Duration cap(Duration d) {
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }
}
