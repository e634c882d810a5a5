package io.herald.summarize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into folded words with their positions, the unit the summariser compares and highlights:
 * a word is a run of letters and digits (combining marks included), folded to lower case without accents;
 * every Han, Hiragana, Katakana and Thai character is a word of its own. Also knows English stop words and a
 * light suffix stemmer for comparing sentences.
 */
final class Words {

    /** One word: its folded form and where it sits in the original text ({@code [start, end)}). */
    record Word(String folded, int start, int end) {
    }

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
            "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her",
            "their", "our", "my", "your", "him", "them", "us", "me", "not", "no", "so", "than", "then", "there",
            "which", "who", "whom", "what", "when", "where", "why", "how", "will", "would", "can", "could",
            "should", "may", "might", "must", "shall", "also", "into", "about", "after", "before", "over", "under",
            "up", "down", "out", "said", "says", "say", "s", "t", "mr", "mrs", "ms", "just", "more", "most",
            "some", "such", "all", "any", "both", "each", "other", "own", "same", "very", "too", "only", "new",
            "one", "two", "while", "during", "since", "until", "against", "between", "through", "because");

    private Words() {
    }

    /** The words of {@code text} with their positions. */
    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            if (isOwnWordScript(cp)) {
                i += Character.charCount(cp);
            } else {
                while (i < text.length() && isWordChar(text.codePointAt(i))
                        && !isOwnWordScript(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
            }
            String folded = fold(text.substring(start, i));
            if (!folded.isEmpty()) {
                words.add(new Word(folded, start, i));
            }
        }
        return words;
    }

    /** The folded words of {@code text}, without positions. */
    static List<String> folded(String text) {
        return of(text).stream().map(Word::folded).toList();
    }

    /** Content words, stemmed: what sentence similarity compares. */
    static List<String> content(String text) {
        List<String> out = new ArrayList<>();
        for (Word w : of(text)) {
            if (!STOP_WORDS.contains(w.folded())) {
                out.add(stem(w.folded()));
            }
        }
        return out;
    }

    /** A light English stemmer: plural and common verb endings. */
    static String stem(String word) {
        int n = word.length();
        if (n > 4 && word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 5 && word.endsWith("ing")) {
            return word.substring(0, n - 3);
        }
        if (n > 4 && word.endsWith("ed")) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT).replace("ß", "ss").replace('ς', 'σ');
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isOwnWordScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}
