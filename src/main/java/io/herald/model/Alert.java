package io.herald.model;

import java.util.List;
import java.util.Objects;

/**
 * One message to send: a matched item, summarised, for one destination.
 *
 * @param id             outbox row id (0 when not stored, e.g. in previews)
 * @param destination    where it goes
 * @param item           the matched item
 * @param feedTitle      human name of the feed (its title, else its id)
 * @param query          the query that matched
 * @param summary        the plain-text summary to show (already within the budget)
 * @param matchedTerms   the query terms found in the item, as the query language writes them
 *                       (e.g. {@code "north korea"}, {@code korea*}); formatters highlight them
 * @param subscriptionId the subscription that matched (0 when unknown, e.g. in previews); chat buttons act on it
 */
public record Alert(long id, Destination destination, Item item, String feedTitle, String query, String summary,
                    List<String> matchedTerms, long subscriptionId) {
    public Alert {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(item, "item");
        feedTitle = feedTitle == null ? "" : feedTitle;
        query = query == null ? "" : query;
        summary = summary == null ? "" : summary;
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }

    /** An alert without matched terms or subscription. */
    public Alert(long id, Destination destination, Item item, String feedTitle, String query, String summary) {
        this(id, destination, item, feedTitle, query, summary, List.of(), 0);
    }

    /** The same alert for another destination (a moved chat, or a plain-text rendering without an address). */
    public Alert withDestination(Destination other) {
        return new Alert(id, other, item, feedTitle, query, summary, matchedTerms, subscriptionId);
    }
}
