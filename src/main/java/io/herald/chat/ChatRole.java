package io.herald.chat;

/**
 * What the platform says about the sender in the chat a message came from: whether they may change that chat's
 * subscriptions and settings (Herald's own admins always may; the router checks that). The adapter supplies it and
 * may ask the platform lazily, only when a command needs it (Telegram's {@code getChatMember} in groups).
 */
@FunctionalInterface
public interface ChatRole {

    /** Private chats, and shared chats where everyone may change subscriptions. */
    ChatRole ANYONE = () -> true;

    /** Shared chats where only Herald's admins change subscriptions. */
    ChatRole HERALD_ADMINS_ONLY = () -> false;

    /**
     * Whether the sender may change the chat's subscriptions.
     *
     * @throws Unknown when the platform cannot be asked just now (the sender is told so and nothing changes)
     */
    boolean mayChangeChat();

    /** The platform could not say what the sender may do (it failed or could not be reached). */
    final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unknown(String message) {
            super(message);
        }
    }
}
