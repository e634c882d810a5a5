package io.herald.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into folded words, the unit that queries match.
 *
 * <p>Rules, applied in one pass over the code points:
 * <ul>
 *   <li>the text is decomposed with NFKD and combining marks ({@code \p{M}}) are dropped, so {@code Zürich} is
 *       {@code zurich} and {@code ﬁ} is {@code fi};</li>
 *   <li>letters are case folded: lower case, final sigma as sigma, {@code ß} and {@code ẞ} as {@code ss};</li>
 *   <li>a word is a maximal run of Unicode letters and digits; anything else separates words;</li>
 *   <li>every Han, Hiragana, Katakana and Thai character is a word of its own, so a phrase of such characters
 *       matches the same characters inside longer text.</li>
 * </ul>
 * ASCII text skips normalisation entirely. Instances are immutable and thread-safe.
 */
public final class TextNormalizer {

    /** The folded words of {@code text}, in order; empty when the text has no letters or digits. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        if (isAscii(text)) {
            asciiWords(text, words);
        } else {
            unicodeWords(Normalizer.normalize(text, Normalizer.Form.NFKD), words);
        }
        return words;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void asciiWords(String text, List<String> words) {
        int start = -1;
        char[] buffer = null;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                if (buffer == null || buffer.length < i - start) {
                    buffer = new char[Math.max(16, i - start)];
                }
                for (int j = start; j < i; j++) {
                    char w = text.charAt(j);
                    buffer[j - start] = w >= 'A' && w <= 'Z' ? (char) (w + ('a' - 'A')) : w;
                }
                words.add(new String(buffer, 0, i - start));
                start = -1;
            }
        }
    }

    private static void unicodeWords(String text, List<String> words) {
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                continue;
            }
            if (!Character.isLetterOrDigit(cp)) {
                flush(word, words);
            } else if (isOwnWordScript(cp)) {
                flush(word, words);
                appendFolded(word, cp);
                flush(word, words);
            } else {
                appendFolded(word, cp);
            }
        }
        flush(word, words);
    }

    /** A combining mark (dropped after NFKD). */
    public static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Han, Hiragana, Katakana and Thai characters are each a word of their own. */
    public static boolean isOwnWordScript(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.THAI;
    }

    /** Appends the case-folded code point (ß becomes ss, final sigma becomes sigma). */
    public static void appendFolded(StringBuilder word, int cp) {
        int lower = Character.toLowerCase(cp);
        if (lower == 'ß') {
            word.append("ss");
        } else if (lower == 'ς') {
            word.append('σ');
        } else {
            word.appendCodePoint(lower);
        }
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
