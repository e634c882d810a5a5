package io.herald.chat;

import io.herald.deliver.AlertState;
import io.herald.model.Alert;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import io.herald.store.SubscriptionStore;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presses on the buttons under an alert: Mute, Unsubscribe and Undo. A press is checked against the database
 * first: the message must be an alert Herald sent to that very chat for that very subscription, so crafted button
 * data cannot touch another chat's subscription, and a press on an old message whose subscription is gone changes
 * nothing. On a team route's alert, Mute and Unsubscribe mute that route for this chat, and only Herald's admins
 * may press them (the mute is kept until Undo or {@code /resume}); in a shared chat a subscription of the chat's
 * own changes only for those its {@link ChatRole} allows.
 */
public final class AlertPresses {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPresses.class);
    private static final Pattern BUTTON = Pattern.compile("/(mute|unsub|undo)\\s+(\\d{1,18})");

    private final SubscriptionStore subscriptions;
    private final OutboxStore outbox;
    private final Predicate<IncomingMessage> isAdmin;

    /** Presses where nobody is one of Herald's admins (route alerts are refused to everyone). */
    public AlertPresses(SubscriptionStore subscriptions, OutboxStore outbox) {
        this(subscriptions, outbox, m -> false);
    }

    /** @param isAdmin whether the presser (a message from them in that chat) is one of Herald's admins */
    public AlertPresses(SubscriptionStore subscriptions, OutboxStore outbox, Predicate<IncomingMessage> isAdmin) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.isAdmin = isAdmin;
    }

    /** Whether the button data is one of an alert's buttons (else it is an ordinary command). */
    public static boolean isAlertButton(String data) {
        return BUTTON.matcher(data.strip()).matches();
    }

    /** What the press did; call only for {@link #isAlertButton} data. */
    public ButtonAnswer press(ButtonPress press) {
        Matcher m = BUTTON.matcher(press.data());
        if (!m.matches()) {
            return ButtonAnswer.only(Replies.hint());
        }
        long id = Long.parseLong(m.group(2));
        Optional<OutboxEntry> sent = press.messageRef().isEmpty() ? Optional.empty()
                : outbox.findSent(press.chat(), press.messageRef());
        if (sent.isEmpty() || sent.get().subscriptionId() != id) {
            LOG.warn("chat: refused button '{}' from user {} in {}: message {} is not an alert for subscription {}"
                    + " there", press.data(), press.userId(), press.chat(), press.messageRef(), id);
            return ButtonAnswer.only(Replies.notOurButton());
        }
        Alert alert = sent.get().alert();
        Optional<Subscription> s = subscriptions.find(id);
        boolean admin = isAdmin.test(new IncomingMessage(press.chat(), press.userId(), press.data()));
        if (s.isPresent() && s.get().routeId().isPresent()) {
            return admin ? route(m.group(1), alert, s.get(), press.userId()) : ButtonAnswer.only(Replies.routeAskAnAdmin());
        }
        try {
            if (!admin && !press.role().mayChangeChat()) {
                return ButtonAnswer.only(CommandRouter.refusal(press.chat()));
            }
        } catch (ChatRole.Unknown e) {
            return ButtonAnswer.only(Replies.cannotTellWhoMayChange());
        }
        return switch (m.group(1)) {
            case "mute" -> mute(alert, s);
            case "unsub" -> unsubscribe(alert, s);
            default -> undo(alert, id, s, press.userId());
        };
    }

    /** A Herald admin's press on a route's alert: Mute and Unsubscribe mute the route here, Undo unmutes it. */
    private ButtonAnswer route(String button, Alert alert, Subscription route, String userId) {
        String name = route.routeId().orElseThrow();
        if (button.equals("undo")) {
            subscriptions.setRouteMuted(route.id(), false, userId);
            return ButtonAnswer.redraw(Replies.routeActiveAgain(name), alert, AlertState.ACTIVE);
        }
        subscriptions.setRouteMuted(route.id(), true, userId);
        LOG.info("chat: admin {} muted route {} for {}", userId, name, route.destination());
        return ButtonAnswer.redraw(Replies.routeMuted(name), alert, AlertState.MUTED);
    }

    private ButtonAnswer mute(Alert alert, Optional<Subscription> s) {
        if (s.isEmpty()) {
            return ButtonAnswer.only(Replies.noLongerActive());
        }
        subscriptions.setPaused(s.get().id(), true);
        return ButtonAnswer.redraw(Replies.mutedUndo(s.get().query()), alert, AlertState.MUTED);
    }

    private ButtonAnswer unsubscribe(Alert alert, Optional<Subscription> s) {
        if (s.isEmpty()) {
            return ButtonAnswer.only(Replies.noLongerActive());
        }
        subscriptions.remove(s.get().id());
        return ButtonAnswer.redraw(Replies.unsubscribedUndo(s.get().query()), alert, AlertState.UNSUBSCRIBED);
    }

    private ButtonAnswer undo(Alert alert, long id, Optional<Subscription> s, String userId) {
        if (s.isPresent()) {
            subscriptions.setPaused(id, false);
            return ButtonAnswer.redraw(Replies.activeAgain(s.get().query()), alert, AlertState.ACTIVE);
        }
        Subscription again = new Subscription(id, alert.destination(), alert.query(), Optional.empty(), Set.of());
        if (!subscriptions.restore(again, userId)) {
            return ButtonAnswer.only(Replies.alreadyBack());
        }
        return ButtonAnswer.redraw(Replies.subscribedAgain(alert.query()), alert, AlertState.ACTIVE);
    }
}
