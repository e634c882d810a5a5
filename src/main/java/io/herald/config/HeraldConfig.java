package io.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated config file.
 *
 * @param llm          the optional LLM summariser ({@code summarize.llm}); empty means extractive summaries only
 * @param maxFailures  consecutive failed polls after which a feed is paused ({@code defaults.max_failures})
 * @param maxBodyBytes largest feed document accepted ({@code network.max_body_size})
 * @param retention    how long sent alerts and items no longer listed are kept ({@code retention.max_age})
 * @param limits       how much work one feed may cause ({@code limits:})
 */
public record HeraldConfig(
        List<FeedConfig> feeds,
        List<RouteConfig> routes,
        Admins admins,
        Duration defaultInterval,
        boolean allowPrivateAddresses,
        DeliveryConfig delivery,
        Optional<LlmConfig> llm,
        int maxFailures,
        long maxBodyBytes,
        Duration retention,
        FloodLimits limits) {

    public static final int DEFAULT_MAX_FAILURES = 50;
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public HeraldConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        routes = routes == null ? List.of() : List.copyOf(routes);
        admins = admins == null ? Admins.NONE : admins;
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        delivery = delivery == null ? DeliveryConfig.DEFAULTS : delivery;
        llm = llm == null ? Optional.empty() : llm;
        retention = retention == null ? DEFAULT_RETENTION : retention;
        limits = limits == null ? FloodLimits.DEFAULTS : limits;
    }

    /** A config with the default flood limits. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses, DeliveryConfig delivery, Optional<LlmConfig> llm,
                        int maxFailures, long maxBodyBytes, Duration retention) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, delivery, llm, maxFailures, maxBodyBytes,
                retention, FloodLimits.DEFAULTS);
    }

    /** A config with the default retention. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses, DeliveryConfig delivery, Optional<LlmConfig> llm,
                        int maxFailures, long maxBodyBytes) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, delivery, llm, maxFailures, maxBodyBytes,
                DEFAULT_RETENTION);
    }

    /** A config with the default pause threshold and body limit. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses, DeliveryConfig delivery, Optional<LlmConfig> llm) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, delivery, llm, DEFAULT_MAX_FAILURES,
                DEFAULT_MAX_BODY_BYTES);
    }

    /** A config with the default delivery limits and without an LLM summariser. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses, int maxFailures, long maxBodyBytes) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, DeliveryConfig.DEFAULTS, Optional.empty(),
                maxFailures, maxBodyBytes);
    }

    /** A config without an LLM summariser. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses, DeliveryConfig delivery) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, delivery, Optional.empty());
    }

    /** A config with every default: delivery limits, no LLM, pause threshold and body limit. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, DeliveryConfig.DEFAULTS, Optional.empty());
    }
}
