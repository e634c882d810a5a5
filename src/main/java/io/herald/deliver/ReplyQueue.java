package io.herald.deliver;

import io.herald.model.Destination;

/** Where chat transports hand their answers to commands, to be sent paced like every other message. */
@FunctionalInterface
public interface ReplyQueue {
    /** Queues {@code text} for {@code to}; returns at once. */
    void reply(Destination to, ReplyText text);

    /**
     * Whether queued replies go out now: false on a node of a cluster that does not deliver (another node holds the
     * delivery role), where a transport sends its answers itself.
     */
    default boolean accepting() {
        return true;
    }

    /** Queues plain {@code text} for {@code to}; returns at once. */
    default void reply(Destination to, String text) {
        reply(to, ReplyText.plain(text));
    }
}
