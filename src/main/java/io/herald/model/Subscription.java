package io.herald.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A standing query whose matches are delivered to one destination.
 *
 * @param id          store id (0 before it is stored)
 * @param destination where matches go
 * @param query       the query text as the user or admin wrote it
 * @param routeId     the config route this comes from; empty for a subscriber's own subscription
 * @param feeds       feed ids this subscription is limited to; empty means every feed
 */
public record Subscription(long id, Destination destination, String query, Optional<String> routeId, Set<String> feeds) {
    public Subscription {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(query, "query");
        routeId = routeId == null ? Optional.empty() : routeId;
        feeds = feeds == null ? Set.of() : Set.copyOf(feeds);
    }

    public boolean appliesTo(String feedId) {
        return feeds.isEmpty() || feeds.contains(feedId);
    }
}
