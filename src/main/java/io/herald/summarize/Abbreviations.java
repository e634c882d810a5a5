package io.herald.summarize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * English abbreviations that end with a period, and the words that usually start a sentence. Used to decide
 * whether "word. Next" ends a sentence.
 */
final class Abbreviations {

    /** How a period after a word should be read. */
    enum Kind {
        /** An ordinary word: the period ends the sentence when the next word is not lower-case. */
        NONE,
        /** Always followed by more of the same sentence (Mr., Dr., e.g.). */
        NEVER_ENDS,
        /** Ends the sentence unless a number follows (Jan. 5, No. 10). */
        BEFORE_NUMBER,
        /** Ends the sentence only when a typical sentence opener follows (U.S., Inc., J.). */
        AMBIGUOUS
    }

    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "cmdr", "adm", "maj",
            "gov", "sen", "rep", "rev", "hon", "pres", "supt", "messrs", "mme", "mlle", "fr", "mt", "ft",
            "e.g", "i.e", "cf", "vs", "viz", "approx", "incl", "esp");
    private static final Set<String> BEFORE_NUMBERS = Set.of(
            "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "ch", "sec", "para", "op", "ca", "est",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> AMBIGUOUS = Set.of(
            "inc", "ltd", "co", "corp", "plc", "llc", "bros", "jr", "sr", "st", "ave", "blvd", "rd", "univ",
            "assn", "govt", "dept", "al");
    private static final Pattern INITIALS = Pattern.compile("\\p{L}(\\.\\p{L})*");

    private static final Set<String> OPENERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
            "his", "her", "their", "our", "my", "there", "here", "but", "and", "or", "so", "yet", "in", "on", "at",
            "as", "after", "before", "when", "while", "if", "however", "meanwhile", "also", "then", "now", "still",
            "some", "many", "most", "both", "such", "what", "who", "why", "how", "where", "according", "officials",
            "one", "for", "from", "with", "by", "during", "since", "last", "earlier", "later", "despite");

    private Abbreviations() {
    }

    /** How to read a period right after {@code word} (the text before the period, without opening quotes). */
    static Kind kind(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (TITLES.contains(lower)) {
            return Kind.NEVER_ENDS;
        }
        if (BEFORE_NUMBERS.contains(lower)) {
            return Kind.BEFORE_NUMBER;
        }
        if (AMBIGUOUS.contains(lower)) {
            return Kind.AMBIGUOUS;
        }
        boolean initials = INITIALS.matcher(word).matches()
                && (word.length() > 1 || Character.isUpperCase(word.charAt(0)));
        return initials ? Kind.AMBIGUOUS : Kind.NONE;
    }

    /** Whether the word typically opens a sentence ("The", "But", "He"). */
    static boolean isOpener(String word) {
        return OPENERS.contains(word.toLowerCase(Locale.ROOT));
    }
}
