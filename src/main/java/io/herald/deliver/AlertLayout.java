package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.summarize.FocusTerms;
import io.herald.summarize.Highlighter;
import io.herald.summarize.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one layout every platform renders, already cleaned: headline (linked when the link is a safe http(s) URL),
 * feed name and published time, 1-3 summary sentences with the spans of the matched terms, the matched query and
 * the source link. Text is free of control characters, unpaired surrogates and bidi overrides; one-line parts have
 * their whitespace collapsed.
 *
 * @param title      the headline, never empty (the link, else "(untitled)", when the item has none)
 * @param link       the article link when it is an absolute http(s) URL of sensible length
 * @param meta       "feed · 5 min ago · 2024-11-04 12:30 UTC" (may be empty)
 * @param sentences  the summary's sentences (at most three)
 * @param query      the matched query on one line (may be empty)
 * @param terms      the matched terms, for {@link #highlights(String)}
 */
public record AlertLayout(String title, Optional<String> link, String meta, List<String> sentences, String query,
                          FocusTerms terms) {

    /** The most summary sentences an alert shows. */
    public static final int MAX_SENTENCES = 3;
    /** Longest link that is still linked and shown. */
    public static final int MAX_LINK = 2048;
    static final String UNTITLED = "(untitled)";

    private static final Pattern SAFE_LINK = Pattern.compile("(?i)https?://[^\\s/?#]+\\S*");
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    /** The layout of {@code alert}, with relative times from {@code time}. */
    public static AlertLayout of(Alert alert, PublishedTime time) {
        String title = oneLine(alert.item().title());
        Optional<String> link = safeLink(alert.item().link());
        List<String> meta = new ArrayList<>();
        String feed = oneLine(alert.feedTitle());
        if (!feed.isEmpty()) {
            meta.add(feed);
        }
        alert.item().published().ifPresent(p -> meta.add(time.describe(p)));
        List<String> sentences = SPLITTER.split(clean(alert.summary()));
        return new AlertLayout(title.isEmpty() ? link.orElse(UNTITLED) : title, link, String.join(" · ", meta),
                sentences.subList(0, Math.min(MAX_SENTENCES, sentences.size())), oneLine(alert.query()),
                FocusTerms.of(alert.matchedTerms()));
    }

    /** The summary sentences joined by spaces. */
    /** Title, details, summary and the matched query as plain lines (no link), skipping empty parts. */
    public List<String> plainLines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(title);
        if (!meta.isEmpty()) {
            lines.add(meta);
        }
        if (!sentences.isEmpty()) {
            lines.add(summary());
        }
        if (!query.isEmpty()) {
            lines.add("Matched: " + query);
        }
        return lines;
    }

    public String summary() {
        return String.join(" ", sentences);
    }

    /** Where the matched terms occur in {@code text}. */
    public List<Highlighter.Span> highlights(String text) {
        return Highlighter.spans(text, terms);
    }

    /** The link when it is an absolute http(s) URL without spaces, of sensible length. */
    public static Optional<String> safeLink(String link) {
        String candidate = link == null ? "" : link.strip();
        if (candidate.length() > MAX_LINK || !SAFE_LINK.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** Collapses all whitespace to single spaces after {@link #clean}. */
    public static String oneLine(String text) {
        return clean(text).replaceAll("\\s+", " ").strip();
    }

    /** Drops control characters (except newline and tab), unpaired surrogates and bidi overrides. */
    public static String clean(String text) {
        String unified = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < unified.length()
                    && Character.isLowSurrogate(unified.charAt(i + 1))) {
                out.append(c).append(unified.charAt(++i));
            } else if (!Character.isSurrogate(c) && !dropped(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean dropped(char c) {
        boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
        boolean bidiOverride = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
        return control || bidiOverride || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF';
    }
}
