package io.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated config file.
 *
 * @param llm the optional LLM summariser ({@code summarize.llm}); empty means extractive summaries only
 */
public record HeraldConfig(
        List<FeedConfig> feeds,
        List<RouteConfig> routes,
        Admins admins,
        Duration defaultInterval,
        boolean allowPrivateAddresses,
        DeliveryConfig delivery,
        Optional<LlmConfig> llm) {

    public HeraldConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        routes = routes == null ? List.of() : List.copyOf(routes);
        admins = admins == null ? Admins.NONE : admins;
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        delivery = delivery == null ? DeliveryConfig.DEFAULTS : delivery;
        llm = llm == null ? Optional.empty() : llm;
    }

    /** A config without an LLM summariser. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses, DeliveryConfig delivery) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, delivery, Optional.empty());
    }

    /** A config with the default delivery limits and without an LLM summariser. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, DeliveryConfig.DEFAULTS, Optional.empty());
    }
}
