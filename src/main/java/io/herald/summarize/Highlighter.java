package io.herald.summarize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where matched query terms occur in a text, ignoring case and accents like the query language does, so that
 * formatters can emphasise them. Spans never overlap and come in text order.
 */
public final class Highlighter {

    /** A highlighted run of the text: {@code [start, end)} in UTF-16 units. */
    public record Span(int start, int end) {
    }

    private Highlighter() {
    }

    /** The spans of {@code text} where any of the terms occurs; empty when there are no terms. */
    public static List<Span> spans(String text, FocusTerms terms) {
        if (terms.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        List<Words.Word> words = Words.of(text);
        List<Span> found = new ArrayList<>();
        for (FocusTerms.Term term : terms.terms()) {
            int at = FocusTerms.firstMatch(term, words, 0);
            while (at >= 0) {
                int last = at + term.words().size() - 1;
                found.add(new Span(words.get(at).start(), words.get(last).end()));
                at = FocusTerms.firstMatch(term, words, at + 1);
            }
        }
        return merged(found);
    }

    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> out = new ArrayList<>();
        for (Span span : sorted) {
            if (!out.isEmpty() && span.start() <= out.get(out.size() - 1).end()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                out.add(span);
            }
        }
        return out;
    }
}
