package io.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The whole validated config file.
 *
 * @param maxFailures  consecutive failed polls after which a feed is paused ({@code defaults.max_failures})
 * @param maxBodyBytes largest feed document accepted ({@code network.max_body_size})
 */
public record HeraldConfig(
        List<FeedConfig> feeds,
        List<RouteConfig> routes,
        Admins admins,
        Duration defaultInterval,
        boolean allowPrivateAddresses,
        int maxFailures,
        long maxBodyBytes) {

    public static final int DEFAULT_MAX_FAILURES = 50;
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public HeraldConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        routes = routes == null ? List.of() : List.copyOf(routes);
        admins = admins == null ? Admins.NONE : admins;
        Objects.requireNonNull(defaultInterval, "defaultInterval");
    }

    /** A config with the default pause threshold and body limit. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
            boolean allowPrivateAddresses) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, DEFAULT_MAX_FAILURES,
                DEFAULT_MAX_BODY_BYTES);
    }
}
