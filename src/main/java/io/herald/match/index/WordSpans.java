package io.herald.match.index;

import io.herald.match.TextNormalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a text exactly as {@link io.herald.match.TextNormalizer} cuts and folds them, each with the span of
 * the original text it came from. Each code point is decomposed on its own (NFKD never joins code points, and the
 * marks that canonical reordering moves are dropped anyway), so a word's span runs from the first to the last
 * original code point that gave it a letter or digit. Used for explanations only, not on the matching path.
 */
final class WordSpans {
    private final List<String> words = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private int wordStart;
    private int wordEnd;

    private WordSpans() {
    }

    static WordSpans of(String text) {
        WordSpans out = new WordSpans();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80) {
                out.accept(cp, i, next);
            } else {
                String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
                for (int j = 0; j < decomposed.length(); ) {
                    int part = decomposed.codePointAt(j);
                    out.accept(part, i, next);
                    j += Character.charCount(part);
                }
            }
            i = next;
        }
        out.flush();
        return out;
    }

    /** One folded code point {@code part} that came from the original text's {@code [from, to)}. */
    private void accept(int part, int from, int to) {
        if (TextNormalizer.isMark(part)) {
            if (word.length() > 0) {
                wordEnd = to;
            }
        } else if (!Character.isLetterOrDigit(part)) {
            flush();
        } else if (TextNormalizer.isOwnWordScript(part)) {
            flush();
            append(part, from, to);
            flush();
        } else {
            append(part, from, to);
        }
    }

    private void append(int part, int from, int to) {
        if (word.length() == 0) {
            wordStart = from;
        }
        TextNormalizer.appendFolded(word, part);
        wordEnd = to;
    }

    private void flush() {
        if (word.length() > 0) {
            words.add(word.toString());
            spans.add(new int[] {wordStart, wordEnd});
            word.setLength(0);
        }
    }

    List<String> words() {
        return words;
    }

    int start(int word) {
        return spans.get(word)[0];
    }

    int end(int word) {
        return spans.get(word)[1];
    }
}
