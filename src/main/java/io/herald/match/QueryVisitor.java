package io.herald.match;

import java.util.List;

/**
 * Walks the syntax tree of a {@link Query} bottom up, for code that compiles queries into other forms (such as a
 * subscription index). Each method receives the results of the node's children, in query order.
 *
 * @param <R> what each node becomes
 */
public interface QueryVisitor<R> {
    /** Either branch; every branch can match because something is present. */
    R or(List<R> branches);

    /** All parts; at least one part can match because something is present. */
    R and(List<R> parts);

    /** Must not match. */
    R not(R child);

    /**
     * Folded words next to each other, in order, within one field (one word is a phrase of one).
     *
     * @param prefix    the last word only has to start a word of the document
     * @param titleOnly only the title counts
     */
    R term(List<String> words, boolean prefix, boolean titleOnly);

    /** Items from one feed; {@code feedId} is lower case and compared with the item's feed id ignoring case. */
    R source(String feedId);
}
