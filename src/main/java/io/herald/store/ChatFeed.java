package io.herald.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A feed an admin added from chat (or by OPML import): kept in the database, unlike the config file's feeds.
 *
 * @param title   the feed's title when it was added (empty when it had none)
 * @param addedBy who added it, e.g. {@code telegram:123456789} or {@code opml}
 */
public record ChatFeed(String id, String url, Duration interval, String title, String addedBy, Instant addedAt) {
    public ChatFeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        title = title == null ? "" : title;
        addedBy = addedBy == null ? "" : addedBy;
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
