package io.herald.chat;

import io.herald.model.Destination;
import java.util.Objects;

/**
 * A text message a user sent the bot, converted from the platform's own type at the adapter.
 *
 * @param replyTo where answers and this chat's alerts go (e.g. {@code telegram:<chat id>})
 * @param userId  the sender's platform user id, as text
 * @param text    the raw message text
 */
public record IncomingMessage(Destination replyTo, String userId, String text) {
    public IncomingMessage {
        Objects.requireNonNull(replyTo, "replyTo");
        userId = userId == null ? "" : userId;
        text = text == null ? "" : text;
    }
}
