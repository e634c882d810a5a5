package io.herald.chat;

import io.herald.model.Destination;
import java.util.Objects;

/**
 * A press on a button under a message, converted from the platform's own type at the adapter.
 *
 * @param chat       where the message is (the chat, topic or channel, as the platform reported it)
 * @param userId     who pressed, as the platform's user id
 * @param data       what the button carries, e.g. {@code /mute 12}
 * @param messageRef the platform's id of the message the button is under (Telegram message_id, Slack ts)
 * @param role       whether the presser may change this chat's subscriptions (the chat's admins in a group)
 */
public record ButtonPress(Destination chat, String userId, String data, String messageRef, ChatRole role) {
    public ButtonPress {
        Objects.requireNonNull(chat, "chat");
        userId = userId == null ? "" : userId;
        data = data == null ? "" : data.strip();
        messageRef = messageRef == null ? "" : messageRef;
        role = role == null ? ChatRole.ANYONE : role;
    }

    /** A press in a chat where the presser may change its subscriptions. */
    public ButtonPress(Destination chat, String userId, String data, String messageRef) {
        this(chat, userId, data, messageRef, ChatRole.ANYONE);
    }
}
