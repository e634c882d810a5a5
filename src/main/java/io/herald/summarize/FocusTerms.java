package io.herald.summarize;

import java.util.ArrayList;
import java.util.List;

/**
 * Matched query terms as the summariser and highlighter use them: each term is a sequence of folded words, the
 * last of which may be a prefix. Accepts terms as {@code Query.explain} writes them: {@code kursk},
 * {@code "north korea"}, {@code korea*}, {@code title:"north korea"}; {@code source:} terms are ignored.
 */
public final class FocusTerms {

    /** One term: its folded words, and whether the last word only has to start a word of the text. */
    record Term(List<String> words, boolean prefix, boolean loose) {
        Term(List<String> words, boolean prefix) {
            this(words, prefix, false);
        }
    }

    private static final FocusTerms NONE = new FocusTerms(List.of());

    private final List<Term> terms;

    private FocusTerms(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** No terms: nothing is highlighted and no sentence is preferred. */
    public static FocusTerms none() {
        return NONE;
    }

    /** Parses terms written as {@code Query.explain} writes them; blank and unusable terms are skipped. */
    public static FocusTerms of(List<String> written) {
        List<Term> terms = new ArrayList<>();
        for (String raw : written) {
            String term = raw.strip();
            String lower = term.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("source:")) {
                continue;
            }
            if (lower.startsWith("title:")) {
                term = term.substring("title:".length());
            }
            boolean prefix = term.endsWith("*");
            List<String> words = Words.folded(term);
            if (!words.isEmpty()) {
                terms.add(new Term(words, prefix));
            }
        }
        return new FocusTerms(terms);
    }

    /** Whether there are no terms. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    List<Term> terms() {
        return terms;
    }

    /**
     * How many of the terms occur in {@code words} (each term counts once), loosely: every word of a term may be
     * the start of a word of the text, so {@code "north korea"} also counts in "North Korean troops".
     */
    int looseHits(List<Words.Word> words) {
        int hits = 0;
        for (Term term : terms) {
            if (firstMatch(new Term(term.words(), true, true), words, 0) >= 0) {
                hits++;
            }
        }
        return hits;
    }

    /** The index of the first word at or after {@code from} where {@code term} matches; -1 when none. */
    static int firstMatch(Term term, List<Words.Word> words, int from) {
        int n = term.words().size();
        for (int start = from; start + n <= words.size(); start++) {
            if (matchesAt(term, words, start)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(Term term, List<Words.Word> words, int start) {
        int last = term.words().size() - 1;
        for (int i = 0; i <= last; i++) {
            String word = words.get(start + i).folded();
            String wanted = term.words().get(i);
            boolean ok = (i == last && term.prefix()) || term.loose() ? word.startsWith(wanted) : word.equals(wanted);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
