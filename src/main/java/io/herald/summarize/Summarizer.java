package io.herald.summarize;

import java.util.List;
import java.util.Locale;

/**
 * Extractive summary of plain text: the article's lead sentences, after boilerplate and headlines are removed,
 * as many as fit in the budget. When even the first sentence is too long it is cut at a word boundary and ends
 * with "…". The result never exceeds {@code maxChars}.
 */
public final class Summarizer {

    static final String ELLIPSIS = "…";

    private final SentenceSplitter splitter = new SentenceSplitter();

    /** The summary of {@code text} in at most {@code maxChars} characters (empty when nothing is left). */
    public String summarize(String text, int maxChars) {
        return summarize("", text, maxChars);
    }

    /**
     * Like {@link #summarize(String, int)}, but leaves out leading sentences that only repeat {@code title}
     * (many feeds start their text with the headline).
     *
     * @throws IllegalArgumentException when {@code maxChars} is negative
     */
    public String summarize(String title, String text, int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("summary budget must not be negative, got " + maxChars);
        }
        List<String> sentences = splitter.split(TextCleaner.clean(text == null ? "" : text));
        int first = 0;
        String titleKey = key(title == null ? "" : title);
        while (first < sentences.size() && !titleKey.isEmpty() && key(sentences.get(first)).equals(titleKey)) {
            first++;
        }
        return lead(sentences.subList(first, sentences.size()), maxChars);
    }

    private static String lead(List<String> sentences, int maxChars) {
        StringBuilder summary = new StringBuilder();
        for (String sentence : sentences) {
            int needed = summary.length() + (summary.length() > 0 ? 1 : 0) + sentence.length();
            if (needed > maxChars) {
                break;
            }
            summary.append(summary.length() > 0 ? " " : "").append(sentence);
        }
        if (summary.length() == 0 && !sentences.isEmpty()) {
            return cut(sentences.get(0), maxChars);
        }
        return summary.toString();
    }

    /** {@code text} cut at the last word boundary so that it and a final "…" fit in {@code maxChars}. */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        if (maxChars < ELLIPSIS.length()) {
            return "";
        }
        int end = maxChars - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = end;
        while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
            space--;
        }
        String kept = space > 0 ? text.substring(0, space) : text.substring(0, end);
        return stripTrailingPunctuation(kept) + ELLIPSIS;
    }

    private static String stripTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ",;:-–—(".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Letters and digits only, lower case, single-spaced: how a title is compared with a sentence. */
    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
