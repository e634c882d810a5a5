package io.herald.feed;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of feed dates: month and day names in English, French, German, Spanish, Italian, Portuguese, Dutch,
 * Greek and Hungarian (full, or abbreviated to any prefix of three letters or more, with or without accents or a
 * final dot, in any case), time-zone names, and the small words dates are written with ({@code de}, {@code à},
 * {@code Uhr}...). Words are compared lower-cased without diacritics.
 */
final class DateWords {
    /** Full month names, January first; each row lists one month in every language. */
    private static final List<List<String>> MONTH_NAMES = List.of(
            List.of("january", "janvier", "januar", "enero", "gennaio", "janeiro", "januari", "ιανουαριος"),
            List.of("february", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari", "φεβρουαριος",
                    "februar"),
            List.of("march", "mars", "marz", "maerz", "marzo", "marco", "maart", "μαρτιος", "marcius"),
            List.of("april", "avril", "abril", "aprile", "απριλιος", "aprilis"),
            List.of("may", "mai", "mayo", "maggio", "maio", "mei", "μαιος", "majus"),
            List.of("june", "juin", "juni", "junio", "giugno", "junho", "ιουνιος", "junius"),
            List.of("july", "juillet", "juli", "julio", "luglio", "julho", "ιουλιος", "julius"),
            List.of("august", "aout", "agosto", "augustus", "αυγουστος", "augusztus"),
            List.of("september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "σεπτεμβριος",
                    "szeptember"),
            List.of("october", "octobre", "oktober", "octubre", "ottobre", "outubro", "οκτωβριος"),
            List.of("november", "novembre", "noviembre", "novembro", "νοεμβριος"),
            List.of("december", "decembre", "dezember", "diciembre", "dicembre", "dezembro", "δεκεμβριος"));
    /** Abbreviations that are not a prefix of the full name. */
    private static final Map<String, Integer> IRREGULAR_MONTHS = Map.of("mrz", 3, "mrt", 3, "sept", 9);
    private static final List<String> DAY_NAMES = List.of(
            "monday", "tuesday", "tues", "wednesday", "thursday", "thurs", "friday", "saturday", "sunday",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
            "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
            "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",
            "segunda", "terca", "quarta", "quinta", "sexta",
            "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
            "κυριακη", "δευτερα", "τριτη", "τεταρτη", "πεμπτη", "παρασκευη", "σαββατο");
    /** Words around the date that carry nothing: Spanish and Portuguese "de", French "à", German "um ... Uhr"... */
    private static final Set<String> FILLERS = Set.of("de", "del", "a", "at", "um", "uhr", "om", "le", "el", "the",
            "of", "feira", "h");
    /** Zone names and their offsets in minutes. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
            Map.entry("etc/gmt", 0), Map.entry("wet", 0), Map.entry("west", 60),
            Map.entry("est", -300), Map.entry("edt", -240), Map.entry("cst", -360), Map.entry("cdt", -300),
            Map.entry("mst", -420), Map.entry("mdt", -360), Map.entry("pst", -480), Map.entry("pdt", -420),
            Map.entry("akst", -540), Map.entry("akdt", -480), Map.entry("hst", -600), Map.entry("ast", -240),
            Map.entry("adt", -180), Map.entry("at", -240), Map.entry("et", -300), Map.entry("ct", -360),
            Map.entry("mt", -420), Map.entry("pt", -480), Map.entry("brt", -180), Map.entry("art", -180),
            Map.entry("met", 60), Map.entry("mest", 120), Map.entry("cet", 60), Map.entry("cest", 120),
            Map.entry("mez", 60), Map.entry("mesz", 120), Map.entry("bst", 60), Map.entry("ist", 60),
            Map.entry("eet", 120), Map.entry("eest", 180), Map.entry("msk", 180), Map.entry("sgt", 480),
            Map.entry("hkt", 480), Map.entry("awst", 480), Map.entry("kst", 540), Map.entry("jst", 540),
            Map.entry("acst", 570), Map.entry("aest", 600), Map.entry("aedt", 660), Map.entry("nzst", 720),
            Map.entry("nzdt", 780));

    private static final Map<String, Integer> MONTHS = monthLookup();
    private static final Set<String> DAYS = dayLookup();

    private DateWords() {
    }

    /** A word lower-cased, without diacritics or a final dot: {@code "Févr."} is {@code "fevr"}. */
    static String fold(String word) {
        String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        w = w.toLowerCase(Locale.ROOT);
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= 0x80) {
                return Normalizer.normalize(w, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            }
        }
        return w;
    }

    /** The month (1-12) a folded word names, in full or abbreviated. */
    static Optional<Integer> month(String folded) {
        return Optional.ofNullable(MONTHS.get(folded));
    }

    /** True when a folded word is a day name, in full or abbreviated (two letters or more). */
    static boolean isDay(String folded) {
        return DAYS.contains(folded);
    }

    static boolean isFiller(String folded) {
        return FILLERS.contains(folded);
    }

    /** The offset in minutes of a zone name. */
    static Optional<Integer> zone(String folded) {
        return Optional.ofNullable(ZONES.get(folded));
    }

    /** Every prefix of three letters or more of every month name; prefixes two months share are left out. */
    private static Map<String, Integer> monthLookup() {
        Map<String, Integer> out = new HashMap<>(IRREGULAR_MONTHS);
        Set<String> shared = new HashSet<>();
        for (int m = 0; m < MONTH_NAMES.size(); m++) {
            for (String name : MONTH_NAMES.get(m)) {
                for (int len = 3; len <= name.length(); len++) {
                    Integer before = out.putIfAbsent(name.substring(0, len), m + 1);
                    if (before != null && before != m + 1) {
                        shared.add(name.substring(0, len));
                    }
                }
            }
        }
        shared.forEach(out::remove);
        return Map.copyOf(out);
    }

    private static Set<String> dayLookup() {
        Set<String> out = new HashSet<>();
        for (String name : DAY_NAMES) {
            for (int len = 2; len <= name.length(); len++) {
                out.add(name.substring(0, len));
            }
        }
        return Set.copyOf(out);
    }
}
