package io.herald.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats the durations written in Herald's config and commands: {@code 10s}, {@code 5m}, {@code 1h},
 * {@code 1d}, combinations from largest to smallest unit such as {@code 2h30m}, and ISO-8601 ({@code PT5M}).
 */
public final class Durations {
    private static final Pattern SHORT =
            Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");
    private static final String EXAMPLES = "use e.g. 30s, 5m, 1h, 2h30m, 1d or PT5M";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 5m}, {@code 2h30m} or {@code PT5M}; surrounding spaces are ignored
     * @return the duration, zero or positive
     * @throws IllegalArgumentException with a short user-facing message when the text is not a duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration: " + EXAMPLES);
        }
        String trimmed = text.strip();
        Duration duration = looksIso(trimmed) ? parseIso(trimmed) : parseShort(trimmed);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + trimmed + "' is a negative duration");
        }
        return duration;
    }

    /** Formats a duration the short way, e.g. {@code 2h30m}, {@code 45s}, {@code 0s}; sub-second parts in ms. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        StringBuilder out = new StringBuilder();
        append(out, duration.toDaysPart(), "d");
        append(out, duration.toHoursPart(), "h");
        append(out, duration.toMinutesPart(), "m");
        append(out, duration.toSecondsPart(), "s");
        append(out, duration.toMillisPart(), "ms");
        return out.length() == 0 ? duration.toNanos() + "ns" : out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }

    private static boolean looksIso(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.startsWith("P") || upper.startsWith("-P") || upper.startsWith("+P");
    }

    private static Duration parseIso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT5M or PT1H30M", e);
        }
    }

    private static Duration parseShort(String text) {
        Matcher m = SHORT.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            String hint = text.chars().allMatch(Character::isDigit) ? "add a unit (s, m, h or d), " : "";
            throw new IllegalArgumentException("'" + text + "' is not a duration: " + hint + EXAMPLES);
        }
        return Duration.ofDays(number(m.group(1)))
                .plusHours(number(m.group(2)))
                .plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
