package io.herald.model;

import java.util.Objects;

/**
 * One message to send: a matched item, summarised, for one destination.
 *
 * @param id          outbox row id (0 when not stored, e.g. in previews)
 * @param destination where it goes
 * @param item        the matched item
 * @param feedTitle   human name of the feed (its title, else its id)
 * @param query       the query that matched
 * @param summary     the plain-text summary to show (already within the budget)
 */
public record Alert(long id, Destination destination, Item item, String feedTitle, String query, String summary) {
    public Alert {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(item, "item");
        feedTitle = feedTitle == null ? "" : feedTitle;
        query = query == null ? "" : query;
        summary = summary == null ? "" : summary;
    }
}
