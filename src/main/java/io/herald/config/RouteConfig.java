package io.herald.config;

import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An admin-managed subscription for team channels: matches of {@code query} go to every destination in {@code to}.
 *
 * @param preview how the route's alerts show the article's link preview; empty leaves it to each chat
 */
public record RouteConfig(String id, String query, List<Destination> to, Set<String> feeds,
                          Optional<LinkPreview> preview) {
    public RouteConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        to = to == null ? List.of() : List.copyOf(to);
        feeds = feeds == null ? Set.of() : Set.copyOf(feeds);
        preview = preview == null ? Optional.empty() : preview;
    }

    /** A route that leaves link previews to each chat. */
    public RouteConfig(String id, String query, List<Destination> to, Set<String> feeds) {
        this(id, query, to, feeds, Optional.empty());
    }
}
