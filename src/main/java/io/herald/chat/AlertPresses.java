package io.herald.chat;

import io.herald.deliver.AlertState;
import io.herald.model.Alert;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import io.herald.store.SubscriptionStore;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presses on the buttons under an alert: Mute, Unsubscribe and Undo. A press is checked against the database
 * first: the message must be an alert Herald sent to that very chat for that very subscription, so crafted button
 * data cannot touch another chat's subscription, and a press on an old message whose subscription is gone changes
 * nothing. Routes from the config are left to admins.
 */
public final class AlertPresses {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPresses.class);
    private static final Pattern BUTTON = Pattern.compile("/(mute|unsub|undo)\\s+(\\d{1,18})");
    static final String NOT_OURS = "This button does not belong to an alert I sent here, so I changed nothing.";

    private final SubscriptionStore subscriptions;
    private final OutboxStore outbox;

    public AlertPresses(SubscriptionStore subscriptions, OutboxStore outbox) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /** Whether the button data is one of an alert's buttons (else it is an ordinary command). */
    public static boolean isAlertButton(String data) {
        return BUTTON.matcher(data.strip()).matches();
    }

    /** What the press did; call only for {@link #isAlertButton} data. */
    public ButtonAnswer press(ButtonPress press) {
        Matcher m = BUTTON.matcher(press.data());
        if (!m.matches()) {
            return ButtonAnswer.only(CommandRouter.HINT);
        }
        long id = Long.parseLong(m.group(2));
        Optional<OutboxEntry> sent = press.messageRef().isEmpty() ? Optional.empty()
                : outbox.findSent(press.chat(), press.messageRef());
        if (sent.isEmpty() || sent.get().subscriptionId() != id) {
            LOG.warn("chat: refused button '{}' from user {} in {}: message {} is not an alert for subscription {}"
                    + " there", press.data(), press.userId(), press.chat(), press.messageRef(), id);
            return ButtonAnswer.only(NOT_OURS);
        }
        Alert alert = sent.get().alert();
        return switch (m.group(1)) {
            case "mute" -> mute(alert, id);
            case "unsub" -> unsubscribe(alert, id);
            default -> undo(alert, id, press.userId());
        };
    }

    private ButtonAnswer mute(Alert alert, long id) {
        Optional<Subscription> s = subscriptions.find(id);
        if (s.isEmpty() || s.get().routeId().isPresent()) {
            return gone(s);
        }
        subscriptions.setPaused(id, true);
        return ButtonAnswer.redraw("Muted: " + s.get().query() + ". Press Undo to resume it.", alert, AlertState.MUTED);
    }

    private ButtonAnswer unsubscribe(Alert alert, long id) {
        Optional<Subscription> s = subscriptions.find(id);
        if (s.isEmpty() || s.get().routeId().isPresent()) {
            return gone(s);
        }
        subscriptions.remove(id);
        return ButtonAnswer.redraw("Unsubscribed from: " + s.get().query() + ". Press Undo to get it back.", alert,
                AlertState.UNSUBSCRIBED);
    }

    private ButtonAnswer undo(Alert alert, long id, String userId) {
        Optional<Subscription> s = subscriptions.find(id);
        if (s.isPresent() && s.get().routeId().isPresent()) {
            return gone(s);
        }
        if (s.isPresent()) {
            subscriptions.setPaused(id, false);
            return ButtonAnswer.redraw("Active again: " + s.get().query(), alert, AlertState.ACTIVE);
        }
        Subscription again = new Subscription(id, alert.destination(), alert.query(), Optional.empty(), Set.of());
        if (!subscriptions.restore(again, userId)) {
            return ButtonAnswer.only("You are subscribed to this query again already; /list shows it.");
        }
        return ButtonAnswer.redraw("Subscribed again: " + alert.query(), alert, AlertState.ACTIVE);
    }

    private static ButtonAnswer gone(Optional<Subscription> s) {
        return ButtonAnswer.only(s.isPresent()
                ? "This alert comes from a team route in Herald's config; ask an admin to change it."
                : "That subscription is no longer active here. /list shows this chat's subscriptions.");
    }
}
