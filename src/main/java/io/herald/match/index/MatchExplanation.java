package io.herald.match.index;

import java.util.List;

/**
 * Why a subscription matched a document: the terms that speak for the match (those not under a negation) and
 * occur in the document, in query order, each with where it occurs, for highlighting and query previews.
 *
 * @param subscriptionId the subscription
 * @param terms          the matched terms; their {@link TermMatch#term() texts} are exactly
 *                       {@link io.herald.match.Query#explain}
 */
public record MatchExplanation(long subscriptionId, List<TermMatch> terms) {
    public MatchExplanation {
        terms = List.copyOf(terms);
    }

    /** The matched terms written as in the query's normalised form, e.g. {@code title:"north korea"}. */
    public List<String> termTexts() {
        return terms.stream().map(TermMatch::term).toList();
    }

    /**
     * One matched term and every place it occurs.
     *
     * @param term        the term as {@link io.herald.match.Query#explain} writes it
     * @param occurrences in title, then text, then source order; never empty
     */
    public record TermMatch(String term, List<Occurrence> occurrences) {
        public TermMatch {
            occurrences = List.copyOf(occurrences);
        }
    }

    /**
     * Where a term occurs.
     *
     * @param field     the title, the text, or the feed id (for {@code source:} terms)
     * @param firstWord index of the first word in {@link io.herald.match.Document#titleWords()} or
     *                  {@link io.herald.match.Document#textWords()} (0 for the source)
     * @param wordCount how many words the occurrence covers (0 for the source)
     * @param start     UTF-16 offset in {@code Document.title()}, {@code text()} or {@code source()} where it starts
     * @param end       offset just after it ends, so {@code field.substring(start, end)} is the matched text
     *                  (start and end are -1 in the unexpected case that offsets could not be recovered)
     */
    public record Occurrence(Field field, int firstWord, int wordCount, int start, int end) {}

    /** Which part of the document an occurrence is in. */
    public enum Field { TITLE, TEXT, SOURCE }
}
