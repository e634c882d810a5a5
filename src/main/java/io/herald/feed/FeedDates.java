package io.herald.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the date formats real feeds use: RFC 822 and its many variants (named and numeric zones,
 * two-digit years, missing seconds or time, month spelt out, day-name first asctime order), W3C-DTF / ISO 8601
 * (reduced precision, fractions, space instead of T, compact forms), Perforce {@code 2006/09/15}, Greek and
 * Hungarian month names and two Korean blog formats. Anything unrecognised or out of range is empty, never an error.
 */
final class FeedDates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-(\\d{2,3})(?:-(\\d{2}))?)?(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern COMPACT_YMD = Pattern.compile("(\\d{2})-?(\\d{2})-?(\\d{2})");
    private static final Pattern COMPACT_YM = Pattern.compile("-(\\d{2})-?(\\d{2})");
    private static final Pattern KOREAN_ONBLOG = Pattern.compile(
            "(\\d{4})년\\s*(\\d{1,2})월\\s*(\\d{1,2})일\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Pattern KOREAN_NATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})\\s+(오전|오후)\\s+(\\d{1,2}):(\\d{2}):(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?");
    private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC)?([+-])(\\d{2}):?(\\d{2})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("ut", 0), Map.entry("utc", 0),
            Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("etc/gmt", 0), Map.entry("est", -5),
            Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5), Map.entry("mst", -7),
            Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7), Map.entry("at", -4),
            Map.entry("et", -5), Map.entry("ct", -6), Map.entry("mt", -7), Map.entry("pt", -8),
            Map.entry("met", 1), Map.entry("mest", 2), Map.entry("cet", 1), Map.entry("cest", 2),
            Map.entry("bst", 1), Map.entry("ist", 1), Map.entry("eet", 2), Map.entry("eest", 3),
            Map.entry("kst", 9), Map.entry("jst", 9));
    private static final Map<String, String> FOREIGN_MONTHS = Map.ofEntries(
            Map.entry("ιαν", "jan"), Map.entry("φεβ", "feb"), Map.entry("μάρ", "mar"), Map.entry("μαρ", "mar"),
            Map.entry("απρ", "apr"), Map.entry("μάι", "may"), Map.entry("μαΐ", "may"), Map.entry("μαι", "may"),
            Map.entry("ιούν", "jun"), Map.entry("ιουν", "jun"), Map.entry("ιούλ", "jul"), Map.entry("ιουλ", "jul"),
            Map.entry("αύγ", "aug"), Map.entry("αυγ", "aug"), Map.entry("σεπ", "sep"), Map.entry("οκτ", "oct"),
            Map.entry("νοέ", "nov"), Map.entry("νοε", "nov"), Map.entry("δεκ", "dec"),
            Map.entry("január", "01"), Map.entry("február", "02"), Map.entry("március", "03"),
            Map.entry("április", "04"), Map.entry("május", "05"), Map.entry("június", "06"),
            Map.entry("július", "07"), Map.entry("augusztus", "08"), Map.entry("szeptember", "09"),
            Map.entry("október", "10"), Map.entry("november", "11"), Map.entry("december", "12"));
    private static final Pattern FOREIGN_WORD = Pattern.compile("\\p{L}+");

    private FeedDates() {
    }

    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            String s = translate(raw.strip());
            return korean(s).or(() -> iso(s)).or(() -> rfc822(s)).filter(FeedDates::plausible);
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean plausible(Instant i) {
        return i.isBefore(Instant.parse("9999-12-31T23:59:59Z")) && i.isAfter(Instant.parse("0001-01-01T00:00:00Z"));
    }

    /** Greek and Hungarian month names become English abbreviations or numbers. */
    private static String translate(String s) {
        Matcher m = FOREIGN_WORD.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String replacement = FOREIGN_MONTHS.get(word);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
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

    private static Optional<Instant> iso(String s) {
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            int offset = m.group(7) == null ? 0 : offsetMinutes(m.group(7));
            return Optional.of(at(m.group(1), orOne(m.group(2)), orOne(m.group(3)), m.group(4), m.group(5),
                    m.group(6), offset));
        }
        m = COMPACT_YMD.matcher(s);
        if (m.matches()) {
            return Optional.of(at("20" + m.group(1), m.group(2), m.group(3), null, null, null, 0));
        }
        m = COMPACT_YM.matcher(s);
        if (m.matches()) {
            return Optional.of(at("20" + m.group(1), m.group(2), "1", null, null, null, 0));
        }
        return Optional.empty();
    }

    private static String orOne(String s) {
        return s == null ? "1" : s;
    }

    /** RFC 822 and relatives, read token by token. */
    private static Optional<Instant> rfc822(String s) {
        List<String> tokens = new ArrayList<>(List.of(s.replace(",", " ").trim().split("\\s+")));
        Integer month = null;
        String day = null;
        String year = null;
        String time = null;
        Integer offset = null;
        for (String t : tokens) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (t.contains("/") && t.matches("\\d{4}/\\d{1,2}/\\d{1,2}")) {
                String[] p = t.split("/");
                year = p[0];
                month = Integer.parseInt(p[1]);
                day = p[2];
            } else if (time == null && TIME.matcher(t).matches()) {
                time = t;
            } else if (month == null && lower.length() >= 3 && MONTHS.contains(lower.substring(0, 3))
                    && lower.chars().allMatch(Character::isLetter)) {
                month = MONTHS.indexOf(lower.substring(0, 3)) + 1;
            } else if (t.matches("\\d{1,4}")) {
                if (day == null && t.length() <= 2 && (month == null || year == null)) {
                    day = t;
                } else if (year == null) {
                    year = t.length() == 2 ? (Integer.parseInt(t) < 70 ? "20" : "19") + t : t;
                } else {
                    return Optional.empty();
                }
            } else if (time != null && offset == null && zone(t).isPresent()) {
                offset = zone(t).get();
            } else if (!isDayName(lower)) {
                return Optional.empty();
            }
        }
        if (month == null || day == null || year == null) {
            return Optional.empty();
        }
        String[] hms = time == null ? new String[] {"0", "0", "0"} : time.split(":");
        return Optional.of(at(year, Integer.toString(month), day, hms[0], hms[1], hms.length > 2 ? hms[2] : "0",
                offset == null ? 0 : offset));
    }

    private static boolean isDayName(String lower) {
        return lower.length() >= 3 && List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun", "κυρ", "δευ", "τρί",
                "τετ", "πέμ", "παρ", "σάβ").contains(lower.substring(0, 3));
    }

    private static Optional<Integer> zone(String t) {
        Integer hours = ZONES.get(t.toLowerCase(Locale.ROOT));
        if (hours != null) {
            return Optional.of(hours * 60);
        }
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
            return Optional.of(m.group(1).equals("-") ? -minutes : minutes);
        }
        return Optional.empty();
    }

    private static int offsetMinutes(String z) {
        if (z.equals("Z")) {
            return 0;
        }
        String digits = z.substring(1).replace(":", "");
        int minutes = Integer.parseInt(digits.substring(0, 2)) * 60 + Integer.parseInt(digits.substring(2));
        if (Integer.parseInt(digits.substring(2)) > 59) {
            throw new DateTimeException("bad offset " + z);
        }
        return z.startsWith("-") ? -minutes : minutes;
    }

    private static Instant at(String y, String mo, String d, String h, String mi, String s, int offsetMinutes) {
        LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        LocalDateTime time = date.atTime(h == null ? 0 : Integer.parseInt(h), mi == null ? 0 : Integer.parseInt(mi),
                s == null ? 0 : Integer.parseInt(s));
        return time.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }
}
