package io.herald.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the date formats real feeds use, whatever the element or format claims: RFC 822 and its many
 * variants (day and month names in the languages of {@link DateWords}, full or abbreviated, any case, with or without
 * the weekday, in day-month or month-day order; named and numeric zones; two-digit years; missing seconds or time;
 * AM/PM; RFC 850 dashes; JavaScript's {@code Date.toString}; asctime), RFC 3339 / W3C-DTF / ISO 8601 (reduced
 * precision, fractions, space or lower-case separators, offsets with or without a colon or minutes, zone names,
 * the basic format), Perforce {@code 2006/09/15}, a Hungarian month in an ISO date and two Korean blog formats.
 * Anything unrecognised or out of range is empty, never an error.
 */
final class FeedDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2,3})(?:-(\\d{2}))?)?"
            + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{1,2})(?:[.,]\\d+)?)?\\s*(\\S+)?)?");
    private static final Pattern ISO_BASIC = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})[Tt](\\d{2})(\\d{2})(\\d{2})?(?:[.,]\\d+)?(\\S+)?");
    private static final Pattern ISO_MONTH_WORD = Pattern.compile("(\\d{4})-(\\p{L}+)-");
    private static final Pattern COMPACT_YMD = Pattern.compile("(\\d{2})-?(\\d{2})-?(\\d{2})");
    private static final Pattern COMPACT_YM = Pattern.compile("-(\\d{2})-?(\\d{2})");
    private static final Pattern KOREAN_ONBLOG = Pattern.compile(
            "(\\d{4})년\\s*(\\d{1,2})월\\s*(\\d{1,2})일\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Pattern KOREAN_NATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})\\s+(오전|오후)\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC|UT)?([+-])(\\d{2})(?::?(\\d{2}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private FeedDates() {
    }

    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            String s = raw.strip();
            return korean(s).or(() -> iso(s)).or(() -> Rfc822.read(s)).filter(FeedDates::plausible);
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean plausible(Instant i) {
        return i.isBefore(LATEST) && i.isAfter(EARLIEST);
    }

    private static Optional<Instant> korean(String s) {
        Matcher m = KOREAN_ONBLOG.matcher(s);
        if (m.matches()) {
            return Optional.of(at(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), 9 * 60));
        }
        m = KOREAN_NATE.matcher(s);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(5)) % 12 + (m.group(4).equals("오후") ? 12 : 0);
            return Optional.of(at(m.group(1), m.group(2), m.group(3), Integer.toString(hour), m.group(6),
                    m.group(7), 9 * 60));
        }
        return Optional.empty();
    }

    private static Optional<Instant> iso(String raw) {
        String s = monthWordToNumber(raw);
        Matcher extended = ISO.matcher(s);
        Matcher m = extended.matches() ? extended : ISO_BASIC.matcher(s);
        if (m.matches()) {
            Optional<Integer> offset = m.group(7) == null ? Optional.of(0) : zone(m.group(7));
            return offset.map(o -> at(m.group(1), orOne(m.group(2)), orOne(m.group(3)), m.group(4), m.group(5),
                    m.group(6), o));
        }
        Matcher compact = COMPACT_YMD.matcher(s);
        if (compact.matches()) {
            return Optional.of(at("20" + compact.group(1), compact.group(2), compact.group(3), null, null, null, 0));
        }
        compact = COMPACT_YM.matcher(s);
        if (compact.matches()) {
            return Optional.of(at("20" + compact.group(1), compact.group(2), "1", null, null, null, 0));
        }
        return Optional.empty();
    }

    /** {@code 2004-július-13T9:15-05:00} as {@code 2004-07-13T9:15-05:00}. */
    private static String monthWordToNumber(String s) {
        Matcher m = ISO_MONTH_WORD.matcher(s);
        if (!m.lookingAt()) {
            return s;
        }
        return DateWords.month(DateWords.fold(m.group(2)))
                .map(month -> m.group(1) + "-" + String.format("%02d", month) + "-" + s.substring(m.end()))
                .orElse(s);
    }

    private static String orOne(String s) {
        return s == null ? "1" : s;
    }

    /** The offset in minutes of a zone name or a numeric offset ({@code +01}, {@code -0500}, {@code GMT+01:00}). */
    static Optional<Integer> zone(String t) {
        Optional<Integer> named = DateWords.zone(DateWords.fold(t));
        if (named.isPresent()) {
            return named;
        }
        Matcher m = OFFSET.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (minutes > 59) {
            throw new DateTimeException("bad offset " + t);
        }
        int total = hours * 60 + minutes;
        return Optional.of(m.group(1).equals("-") ? -total : total);
    }

    static Instant at(String y, String mo, String d, String h, String mi, String s, int offsetMinutes) {
        LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        LocalDateTime time = date.atTime(h == null ? 0 : Integer.parseInt(h), mi == null ? 0 : Integer.parseInt(mi),
                s == null ? 0 : Integer.parseInt(s));
        return time.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    /** RFC 822 and relatives, read token by token; a token that is none of the known kinds refuses the date. */
    static final class Rfc822 {
        private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:h](\\d{1,2})(?::(\\d{1,2}))?(?:[.,]\\d+)?");
        private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|er|e|º|°|\\.)?");
        private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
        private static final Pattern SPLIT = Pattern.compile("[\\s,]+");

        private final List<Integer> months = new ArrayList<>();
        private final List<Boolean> monthMayBeDay = new ArrayList<>();
        private String day;
        private String year;
        private String[] time;
        private Integer offset;
        private int hourShift = -1;

        private Rfc822() {
        }

        static Optional<Instant> read(String s) {
            Rfc822 r = new Rfc822();
            for (String token : SPLIT.split(COMMENT.matcher(s).replaceAll(" ").strip())) {
                if (!token.isEmpty() && !r.token(token)) {
                    return Optional.empty();
                }
            }
            return r.instant();
        }

        private boolean token(String t) {
            Matcher slashed = SLASHED.matcher(t);
            if (slashed.matches()) {
                year = slashed.group(1);
                months.add(Integer.parseInt(slashed.group(2)));
                monthMayBeDay.add(false);
                day = slashed.group(3);
                return true;
            }
            Matcher m = TIME.matcher(t);
            if (time == null && m.matches()) {
                time = new String[] {m.group(1), m.group(2), m.group(3)};
                return true;
            }
            if (time != null && offset == null) {
                Optional<Integer> z = zone(t);
                if (z.isPresent()) {
                    offset = z.get();
                    return true;
                }
            }
            if (t.chars().allMatch(Character::isDigit) && t.length() <= 4) {
                return number(t);
            }
            m = DAY.matcher(t);
            if (m.matches()) {
                return number(m.group(1));
            }
            if (t.indexOf('-') > 0) {
                return parts(t);
            }
            return word(DateWords.fold(t));
        }

        /** {@code 16-Nov-2022}, {@code quarta-feira}. */
        private boolean parts(String t) {
            for (String part : t.split("-")) {
                if (part.isEmpty() || !token(part)) {
                    return false;
                }
            }
            return true;
        }

        private boolean number(String t) {
            if (day == null && t.length() <= 2 && (months.isEmpty() || year == null)) {
                day = t;
            } else if (year == null) {
                year = t.length() == 2 ? (Integer.parseInt(t) < 70 ? "20" : "19") + t : t;
            } else {
                return false;
            }
            return true;
        }

        private boolean word(String w) {
            Optional<Integer> month = DateWords.month(w);
            if (month.isPresent()) {
                months.add(month.get());
                monthMayBeDay.add(DateWords.isDay(w));
                return true;
            }
            if (w.equals("am") || w.equals("pm") || w.equals("a.m") || w.equals("p.m")) {
                hourShift = w.startsWith("p") ? 12 : 0;
                return true;
            }
            return DateWords.isDay(w) || DateWords.isFiller(w);
        }

        /** Of two month names, one that is also a day name ({@code mar} in French or Spanish) is the weekday. */
        private Optional<Integer> month() {
            if (months.size() == 1) {
                return Optional.of(months.get(0));
            }
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                if (!monthMayBeDay.get(i)) {
                    left.add(months.get(i));
                }
            }
            if (months.size() == 2 && left.isEmpty()) {
                return Optional.of(months.get(1));
            }
            return left.size() == 1 ? Optional.of(left.get(0)) : Optional.empty();
        }

        private Optional<Instant> instant() {
            Optional<Integer> month = month();
            if (month.isEmpty() || day == null || year == null) {
                return Optional.empty();
            }
            String[] hms = time == null ? new String[] {"0", "0", "0"} : time;
            int hour = Integer.parseInt(hms[0]);
            if (hourShift >= 0) {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                hour = hour % 12 + hourShift;
            }
            return Optional.of(at(year, Integer.toString(month.get()), day, Integer.toString(hour), hms[1],
                    hms[2], offset == null ? 0 : offset));
        }
    }
}
