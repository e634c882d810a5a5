package io.herald.summarize;

import java.util.List;
import java.util.Locale;

/**
 * Extractive, query-focused summary of plain text. Boilerplate and headline-like paragraphs are removed, the text is
 * split into sentences, leading sentences that only repeat the title are skipped, and {@link SentenceSelector}
 * picks the sentences (position, TextRank centrality, headline overlap, matched terms, no repetition) that fit the
 * budget; they come out in the article's order. When even the best sentence is too long it is cut at a word
 * boundary and ends with "…". The result never exceeds {@code maxChars}. Immutable and thread-safe.
 */
public final class Summarizer {

    static final String ELLIPSIS = "…";

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SentenceSelector selector;

    /** A summariser with the default weights. */
    public Summarizer() {
        this(SentenceSelector.Weights.DEFAULT);
    }

    Summarizer(SentenceSelector.Weights weights) {
        this.selector = new SentenceSelector(weights);
    }

    /** The summary of {@code text} in at most {@code maxChars} characters (empty when nothing is left). */
    public String summarize(String text, int maxChars) {
        return summarize("", text, FocusTerms.none(), maxChars);
    }

    /** Like {@link #summarize(String, String, FocusTerms, int)} without matched terms. */
    public String summarize(String title, String text, int maxChars) {
        return summarize(title, text, FocusTerms.none(), maxChars);
    }

    /**
     * The summary of an article: sentences holding the matched {@code terms} are preferred, leading sentences that
     * only repeat {@code title} are left out.
     *
     * @throws IllegalArgumentException when {@code maxChars} is negative
     */
    public String summarize(String title, String text, FocusTerms terms, int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("summary budget must not be negative, got " + maxChars);
        }
        String safeTitle = title == null ? "" : title;
        List<String> sentences = sentences(safeTitle, text == null ? "" : text);
        return join(sentences, selector.select(sentences, safeTitle, terms, maxChars), maxChars);
    }

    /** The article's sentences after cleaning, without leading repeats of the title. */
    public List<String> sentences(String title, String text) {
        List<String> sentences = splitter.split(TextCleaner.clean(text));
        int first = 0;
        String titleKey = key(title);
        while (first < sentences.size() && !titleKey.isEmpty() && key(sentences.get(first)).equals(titleKey)) {
            first++;
        }
        return sentences.subList(first, sentences.size());
    }

    /**
     * The indices of the sentences a summary of {@code sentences} would hold, in ascending order (for evaluation
     * against reference selections).
     */
    public List<Integer> select(List<String> sentences, String title, FocusTerms terms, int maxChars) {
        return selector.select(sentences, title, terms, maxChars);
    }

    /** The chosen sentences joined by spaces, a single over-long one cut to the budget. */
    public static String join(List<String> sentences, List<Integer> chosen, int maxChars) {
        if (chosen.isEmpty()) {
            return "";
        }
        if (chosen.size() == 1) {
            return cut(sentences.get(chosen.get(0)), maxChars);
        }
        StringBuilder summary = new StringBuilder();
        for (int i : chosen) {
            summary.append(summary.length() > 0 ? " " : "").append(sentences.get(i));
        }
        return cut(summary.toString(), maxChars);
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
