package io.herald.llm;

import io.herald.summarize.Summarizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Turns an LLM's answer into a summary Herald can send: plain text (HTML tags, Markdown emphasis, headings, bullets
 * and link syntax removed, one paragraph) within the budget, cut after the last whole sentence that fits.
 */
final class PlainAnswer {
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`+|~~)");
    private static final Pattern LINE_MARKERS = Pattern.compile("(?m)^\\s*(#{1,6}\\s+|[-*+•]\\s+|\\d+[.)]\\s+|>\\s*)");
    private static final Pattern LABEL = Pattern.compile("(?i)^(summary|tl;dr|here is (a|the) summary[^:]*):\\s*");
    private static final Pattern QUOTED = Pattern.compile("^[\"“](.*)[\"”]$", Pattern.DOTALL);

    private final Summarizer splitter = new Summarizer();

    /** The answer as a summary of at most {@code maxChars}, or empty when nothing usable remains. */
    Optional<String> of(String answer, int maxChars) {
        String text = plain(answer);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() <= maxChars) {
            return Optional.of(text);
        }
        StringBuilder kept = new StringBuilder();
        List<String> sentences = splitter.sentences("", text);
        for (String sentence : sentences) {
            int length = kept.length() + (kept.length() > 0 ? 1 : 0) + sentence.length();
            if (length > maxChars) {
                break;
            }
            kept.append(kept.length() > 0 ? " " : "").append(sentence);
        }
        return kept.length() == 0 ? Optional.empty() : Optional.of(kept.toString());
    }

    static String plain(String answer) {
        String text = LINE_MARKERS.matcher(answer).replaceAll("");
        text = MD_LINK.matcher(text).replaceAll("$1");
        text = MD_EMPHASIS.matcher(text).replaceAll("");
        text = Jsoup.parse(text).text();
        text = text.replaceAll("\\s+", " ").strip();
        text = LABEL.matcher(text).replaceFirst("");
        var quoted = QUOTED.matcher(text);
        return (quoted.matches() ? quoted.group(1) : text).strip();
    }
}
