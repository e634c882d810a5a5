package io.herald.chat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.SubscriptionStore;
import java.util.Optional;

/**
 * The commands behind an alert's buttons: {@code /mute <subscription id>} pauses the subscription that sent the
 * alert, {@code /unsub <subscription id>} removes it. Both act only on a subscription the chat itself owns;
 * routes from the config are left to admins. The command texts are what the buttons carry as
 * {@code callback_data} (at most 64 bytes).
 */
final class AlertButtons {

    /** Pauses one subscription by id. */
    static final String MUTE = "/mute";
    /** Removes one subscription by id. */
    static final String UNSUBSCRIBE = "/unsub";

    private final SubscriptionStore subscriptions;

    AlertButtons(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    Reply mute(Destination chat, String argument) {
        Optional<Subscription> owned = owned(chat, argument);
        if (owned.isEmpty()) {
            return notYours(chat, argument);
        }
        subscriptions.setPaused(owned.get().id(), true);
        return Replies.muted(owned.get().query());
    }

    Reply unsubscribe(Destination chat, String argument) {
        Optional<Subscription> owned = owned(chat, argument);
        if (owned.isEmpty()) {
            return notYours(chat, argument);
        }
        subscriptions.remove(owned.get().id());
        return Replies.unsubscribedFrom(owned.get().query());
    }

    private Optional<Subscription> owned(Destination chat, String argument) {
        Optional<Long> id = parseId(argument);
        return id.flatMap(wanted -> subscriptions.ownedBy(chat).stream().filter(s -> s.id() == wanted).findFirst());
    }

    private Reply notYours(Destination chat, String argument) {
        Optional<Long> id = parseId(argument);
        boolean route = id.isPresent() && subscriptions.active().stream()
                .anyMatch(s -> s.id() == id.get() && s.destination().equals(chat) && s.routeId().isPresent());
        if (route) {
            return Replies.routeAskAnAdmin();
        }
        return Replies.noLongerActive();
    }

    private static Optional<Long> parseId(String argument) {
        try {
            return Optional.of(Long.parseLong(argument.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
