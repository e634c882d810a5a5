package io.herald.config;

import io.herald.model.Destination;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An admin-managed subscription for team channels: matches of {@code query} go to every destination in {@code to}. */
public record RouteConfig(String id, String query, List<Destination> to, Set<String> feeds) {
    public RouteConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        to = to == null ? List.of() : List.copyOf(to);
        feeds = feeds == null ? Set.of() : Set.copyOf(feeds);
    }
}
