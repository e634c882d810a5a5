package io.herald.chat;

import io.herald.model.Destination;
import java.util.Objects;

/**
 * A text message a user sent the bot, converted from the platform's own type at the adapter.
 *
 * @param replyTo where answers and this chat's alerts go (e.g. {@code telegram:<chat id>})
 * @param userId  the sender's platform user id, as text
 * @param text    the raw message text
 * @param role    whether the sender may change this chat's subscriptions (the chat's admins in a group)
 */
public record IncomingMessage(Destination replyTo, String userId, String text, ChatRole role) {
    public IncomingMessage {
        Objects.requireNonNull(replyTo, "replyTo");
        userId = userId == null ? "" : userId;
        text = text == null ? "" : text;
        role = role == null ? ChatRole.ANYONE : role;
    }

    /** A message from a chat where the sender may change its subscriptions (a private chat). */
    public IncomingMessage(Destination replyTo, String userId, String text) {
        this(replyTo, userId, text, ChatRole.ANYONE);
    }
}
