package io.herald.model;

import java.util.List;
import java.util.Objects;

/**
 * A feed document after parsing and normalising.
 *
 * @param title  the feed's own title (may be empty)
 * @param link   the feed's home page link (may be empty)
 * @param format wire format, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}, {@code rss_0.91}, {@code json_1.1}
 * @param items  entries in document order
 */
public record ParsedFeed(String title, String link, String format, List<Item> items) {
    public ParsedFeed {
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        Objects.requireNonNull(format, "format");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
