package io.herald.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One configured feed.
 *
 * @param fetchArticle whether Herald fetches the article page of a matching item whose feed text is only a teaser
 *                     (config key {@code fetch_article}, default true)
 */
public record FeedConfig(String id, URI url, Duration interval, boolean fetchArticle) {
    public FeedConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
    }

    /** A feed with article fetching on (the default). */
    public FeedConfig(String id, URI url, Duration interval) {
        this(id, url, interval, true);
    }
}
