package io.herald.deliver;

import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.model.Subscription;
import io.herald.store.OutboxStore;
import io.herald.store.SubscriptionStore;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a destination when its platform says it is gone or has moved: pause it (its pending alerts are
 * recorded as failed with the reason, never dropped silently) or move it with its subscriptions and pending alerts.
 * Admins are told when a config route is affected (config must be fixed by a person) or a Slack channel is gone.
 */
final class DestinationActions {
    private static final Logger LOG = LoggerFactory.getLogger(DestinationActions.class);

    private final OutboxStore outbox;
    private final SubscriptionStore subscriptions;
    private final AdminNotifier admins;

    DestinationActions(OutboxStore outbox, SubscriptionStore subscriptions, AdminNotifier admins) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.admins = admins;
    }

    /** Pauses every subscription of the destination and gives up its pending alerts with the reason. */
    void pause(Destination destination, String reason) {
        List<String> routes = routeIds(destination);
        int paused = subscriptions.setPaused(destination, true);
        int failed = outbox.failPending(destination, "paused " + destination + ": " + reason);
        LOG.warn("delivery: paused {} subscription(s) of {} and recorded {} pending alert(s) as failed: {}",
                paused, destination, failed, reason);
        boolean topic = destination.platform() == Platform.TELEGRAM && destination.address().contains("/");
        if (destination.platform() == Platform.SLACK || topic || !routes.isEmpty()) {
            String routeText = routes.isEmpty() ? "" : " (route " + String.join(", ", routes) + ")";
            admins.notifyAdmins("delivery to " + destination + routeText + " is paused: " + reason + ". "
                    + failed + " waiting alert(s) were not sent (see `herald outbox`). " + howToResume(destination, topic));
        }
    }

    private static String howToResume(Destination destination, boolean topic) {
        if (destination.platform() == Platform.SLACK) {
            return "Invite the bot to the channel or fix the route's channel id in the config, then restart.";
        }
        return topic ? "Reopen the topic (or point the route at another one), then send /start in it to resume."
                : "Send /start in that chat to resume.";
    }

    /** Moves the destination's subscriptions and pending alerts to its new address. */
    void move(Destination from, Destination to, String reason) {
        List<String> routes = routeIds(from);
        int subs = subscriptions.moveDestination(from, to);
        int rows = outbox.moveDestination(from, to);
        LOG.warn("delivery: {} moved to {}: moved {} subscription(s) and {} pending alert(s) ({})", from, to, subs,
                rows, reason);
        if (!routes.isEmpty()) {
            admins.notifyAdmins(from + " is now " + to + " (the group became a supergroup). Alerts now go to the"
                    + " new chat; change route " + String.join(", ", routes) + " in the config to " + to + ".");
        }
    }

    private List<String> routeIds(Destination destination) {
        return subscriptions.allFor(destination).stream().map(Subscription::routeId)
                .flatMap(java.util.Optional::stream).distinct().collect(Collectors.toList());
    }
}
