package io.herald.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** One configured feed. */
public record FeedConfig(String id, URI url, Duration interval) {
    public FeedConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
    }
}
