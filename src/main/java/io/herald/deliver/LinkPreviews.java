package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.model.LinkPreview;
import io.herald.model.Subscription;
import io.herald.store.ChatSettingsStore;
import io.herald.store.SubscriptionStore;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses how each alert shows its article's link preview: as its route says in the config, else as its chat chose
 * with {@code /preview}, else {@link LinkPreview#DEFAULT}. Read at send time, so a change applies to waiting alerts.
 */
public final class LinkPreviews implements Function<Alert, LinkPreview> {
    private volatile Map<String, LinkPreview> byRoute;
    private final SubscriptionStore subscriptions;
    private final ChatSettingsStore chats;

    /** @param byRoute the routes that name a preview, by route id */
    public LinkPreviews(Map<String, LinkPreview> byRoute, SubscriptionStore subscriptions, ChatSettingsStore chats) {
        this.byRoute = Map.copyOf(byRoute);
        this.subscriptions = subscriptions;
        this.chats = chats;
    }

    /** The routes' {@code preview:} choices after a config reload. */
    public void replaceRoutes(Map<String, LinkPreview> byRoute) {
        this.byRoute = Map.copyOf(byRoute);
    }

    @Override
    public LinkPreview apply(Alert alert) {
        if (!byRoute.isEmpty() && alert.subscriptionId() > 0) {
            LinkPreview route = subscriptions.find(alert.subscriptionId()).flatMap(Subscription::routeId)
                    .map(byRoute::get).orElse(null);
            if (route != null) {
                return route;
            }
        }
        return chats.linkPreview(alert.destination()).orElse(LinkPreview.DEFAULT);
    }
}
