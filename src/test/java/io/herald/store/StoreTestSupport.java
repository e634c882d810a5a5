package io.herald.store;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders shared by store tests. */
final class StoreTestSupport {
    private StoreTestSupport() {
    }

    static Item item(String feed, String id, String title) {
        return new Item(feed, id, title, "https://example.org/" + id, Optional.of(Instant.parse("2024-01-02T03:04:05Z")),
                "summary of " + title, "", List.of("A. Writer"), List.of("world"));
    }

    static Alert alert(Destination to, Item item) {
        return new Alert(0, to, item, "Example Feed", "kursk", "short summary");
    }
}
