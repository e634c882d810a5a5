package io.herald.store;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Subscriptions: a subscriber's own (from chat commands) and routes (from config). */
public interface SubscriptionStore {

    /**
     * Adds a subscriber's own subscription.
     *
     * @return the stored subscription, or empty when the destination already has exactly this query
     */
    Optional<Subscription> add(Destination destination, String query, String createdBy);

    /** One subscription by id, paused or not, routes included. */
    Optional<Subscription> find(long id);

    /** Whether the subscription exists and is paused. */
    boolean isPaused(long id);

    /**
     * Puts back a subscriber's own subscription that was removed, under its old id (Undo).
     *
     * @return false when it could not come back: the id or the same query for that destination exists again
     */
    boolean restore(Subscription subscription, String createdBy);

    /** A destination's own subscriptions (not routes), oldest first. */
    List<Subscription> ownedBy(Destination destination);

    /** Removes one subscription; false when it did not exist. */
    boolean remove(long id);

    /** Every subscription that should receive alerts now (not paused), routes included. */
    List<Subscription> active();

    /**
     * Makes the stored routes equal to {@code routes} (one subscription per route and destination): adds new ones,
     * updates changed queries and feed filters in place (ids stay stable), removes those no longer configured.
     */
    void replaceRoutes(List<Subscription> routes);

    /** Pauses or resumes one subscription. Returns whether it changed. */
    boolean setPaused(long id, boolean paused);

    /**
     * Mutes or unmutes a team route for the destination of its subscription {@code id}: the mute is kept by route
     * id and destination, so it survives config reloads and the route being removed and added again, until
     * unmuted. Does nothing for a subscriber's own subscription.
     *
     * @return whether a route subscription with that id exists
     */
    boolean setRouteMuted(long id, boolean muted, String by);

    /**
     * Pauses or resumes every subscription of a destination. Resuming leaves the routes an admin muted there
     * ({@link #setRouteMuted}) muted. Returns how many changed.
     */
    int setPaused(Destination destination, boolean paused);

    /** Every subscription of a destination, paused or not, routes included, oldest first. */
    List<Subscription> allFor(Destination destination);

    /**
     * Moves every subscription of a destination to a new address (a Telegram group that became a supergroup).
     * Where the new address already has the same route or query, the old subscription is removed instead.
     *
     * @return how many subscriptions now point at {@code to}
     */
    int moveDestination(Destination from, Destination to);

    /**
     * What a matching index keeps of an active subscription.
     *
     * @param feeds the feed ids it is limited to; empty = every feed
     */
    record Indexed(long id, String query, Set<String> feeds) {
    }

    /**
     * Subscriptions changed after a position of the change log.
     *
     * @param ids      the subscriptions changed (added, removed, paused, resumed, query or feeds changed), each once,
     *                 in log order; their state now is read with {@link #indexed(Collection)}
     * @param position the position after these changes, for the next call
     * @param more     whether the log has further changes after {@code position}
     * @param reload   the changes after the reader's position were deleted as old: the reader has to reload every
     *                 active subscription ({@link #forEachActive}) instead
     */
    record Changes(List<Long> ids, long position, boolean more, boolean reload) {
    }

    /**
     * Hands every active subscription to {@code each}, one row at a time (never all of them in memory at once), and
     * returns the change-log position as of before the read: changes after it are read with {@link #changesSince};
     * some of them may already be included.
     */
    long forEachActive(Consumer<Indexed> each);

    /** Up to {@code max} changes after {@code position} of the change log, shared by every node on the database. */
    Changes changesSince(long position, int max);

    /** The active ones among {@code ids}, as an index keeps them; a missing id was removed or is paused. */
    List<Indexed> indexed(Collection<Long> ids);

    /** The active ones among {@code ids}, in id order. */
    List<Subscription> active(Collection<Long> ids);

    /**
     * Deletes change-log rows older than {@code before} (epoch ms), at most {@code max}; readers that had not read
     * them reload everything. Returns how many were deleted.
     */
    int deleteChangesBefore(long before, int max);
}
