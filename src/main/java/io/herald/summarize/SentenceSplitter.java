package io.herald.summarize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plain text into sentences. Knows common abbreviations (Mr., Dr., U.S., e.g., Jan. 5), decimals (3.5),
 * initials (J. R. R. Tolkien), closing quotes and brackets after the final mark ({@code ."} / {@code ?”}),
 * ellipses, and CJK full stops. Blank lines always end a sentence; a single line break does too unless the next
 * line starts in lower case. Whitespace inside a sentence is collapsed; pieces without letters or digits
 * (a stray ".") are dropped.
 */
public final class SentenceSplitter {

    private static final String TERMINATORS = ".!?…。！？";
    private static final String CJK_TERMINATORS = "。！？";
    private static final String CLOSERS = "\"'”’»)]";
    private static final String OPENERS = "\"'“‘«([¿¡";

    /** The sentences of {@code text}, in order; empty for blank text. */
    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String segment : segments(text)) {
            splitSegment(segment, sentences);
        }
        return sentences;
    }

    /** Runs of text that no sentence crosses: paragraphs, and lines not continued in lower case. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        for (String paragraph : normalised.split("\n\\s*\n")) {
            StringBuilder current = new StringBuilder();
            for (String line : paragraph.split("\n")) {
                String stripped = line.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                if (current.length() > 0 && !Character.isLowerCase(stripped.codePointAt(0))) {
                    segments.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.length() > 0 ? " " : "").append(stripped);
            }
            if (current.length() > 0) {
                segments.add(current.toString());
            }
        }
        return segments;
    }

    private static void splitSegment(String s, List<String> into) {
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            if (TERMINATORS.indexOf(s.charAt(i)) < 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < s.length() && TERMINATORS.indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            while (end < s.length() && CLOSERS.indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            boolean cjk = CJK_TERMINATORS.indexOf(s.charAt(end - 1)) >= 0
                    || CJK_TERMINATORS.indexOf(s.charAt(i)) >= 0;
            if (end < s.length() && !cjk && !Character.isWhitespace(s.charAt(end))) {
                i = end;
                continue;
            }
            int next = end;
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            if (next == s.length() || endsSentence(s, i, end, next)) {
                add(s.substring(start, end), into);
                start = next;
            }
            i = next == end ? end : next;
        }
        add(s.substring(start), into);
    }

    /** Whether the marks at {@code [mark, end)} end a sentence, given the next word starting at {@code next}. */
    private static boolean endsSentence(String s, int mark, int end, int next) {
        String nextWord = word(s, next);
        int first = firstLetterOrDigit(nextWord);
        if (first >= 0 && Character.isLowerCase(nextWord.codePointAt(first))) {
            return false;
        }
        boolean singlePeriod = s.charAt(mark) == '.' && (mark + 1 == s.length() || s.charAt(mark + 1) != '.');
        if (!singlePeriod) {
            return true;
        }
        String before = wordBefore(s, mark);
        if (before.isEmpty()) {
            return true;
        }
        boolean digitFollows = first >= 0 && Character.isDigit(nextWord.codePointAt(first));
        return switch (Abbreviations.kind(before)) {
            case NONE -> true;
            case NEVER_ENDS -> false;
            case BEFORE_NUMBER -> !digitFollows;
            case AMBIGUOUS -> first > 0 && OPENERS.indexOf(nextWord.charAt(0)) >= 0
                    || first >= 0 && Abbreviations.isOpener(lettersFrom(nextWord, first));
        };
    }

    private static String word(String s, int from) {
        int to = from;
        while (to < s.length() && !Character.isWhitespace(s.charAt(to))) {
            to++;
        }
        return s.substring(from, to);
    }

    private static String wordBefore(String s, int mark) {
        int from = mark;
        while (from > 0 && !Character.isWhitespace(s.charAt(from - 1))) {
            from--;
        }
        while (from < mark && OPENERS.indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        return s.substring(from, mark);
    }

    private static int firstLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String lettersFrom(String word, int from) {
        int to = from;
        while (to < word.length() && Character.isLetter(word.charAt(to))) {
            to++;
        }
        return word.substring(from, to);
    }

    private static void add(String sentence, List<String> into) {
        String clean = sentence.strip().replaceAll("\\s+", " ");
        if (firstLetterOrDigit(clean) >= 0) {
            into.add(clean);
        }
    }
}
