package io.herald.deliver;

import io.herald.model.Destination;

/** Where chat transports hand their answers to commands, to be sent paced like every other message. */
@FunctionalInterface
public interface Replies {
    /** Queues {@code text} for {@code to}; returns at once. */
    void reply(Destination to, String text);
}
