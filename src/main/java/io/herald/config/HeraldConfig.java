package io.herald.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The whole validated config file. */
public record HeraldConfig(
        List<FeedConfig> feeds,
        List<RouteConfig> routes,
        Admins admins,
        Duration defaultInterval,
        boolean allowPrivateAddresses,
        DeliveryConfig delivery) {

    public HeraldConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        routes = routes == null ? List.of() : List.copyOf(routes);
        admins = admins == null ? Admins.NONE : admins;
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        delivery = delivery == null ? DeliveryConfig.DEFAULTS : delivery;
    }

    /** A config with the default delivery limits. */
    public HeraldConfig(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins, Duration defaultInterval,
                        boolean allowPrivateAddresses) {
        this(feeds, routes, admins, defaultInterval, allowPrivateAddresses, DeliveryConfig.DEFAULTS);
    }
}
