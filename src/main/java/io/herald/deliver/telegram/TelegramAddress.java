package io.herald.deliver.telegram;

import io.herald.deliver.SendFailure;
import io.herald.model.Destination;
import io.herald.model.Platform;
import java.util.Optional;

/**
 * A Telegram chat id and, for a forum topic, its {@code message_thread_id}: the parts of a {@code telegram:}
 * destination ({@code -100123} or {@code -100123/7}).
 */
public record TelegramAddress(long chatId, Optional<Integer> threadId) {

    /**
     * @param what what was being done, for the failure's message
     * @throws SendFailure (permanent) when the destination is not a Telegram chat or topic
     */
    public static TelegramAddress of(String what, Destination destination) throws SendFailure {
        if (destination.platform() != Platform.TELEGRAM) {
            throw SendFailure.permanent("telegram: " + what + ": not a telegram destination: " + destination, null);
        }
        String address = destination.address();
        int slash = address.indexOf('/');
        try {
            long chat = Long.parseLong(slash < 0 ? address : address.substring(0, slash));
            Optional<Integer> thread = slash < 0 ? Optional.empty()
                    : Optional.of(Integer.parseInt(address.substring(slash + 1)));
            return new TelegramAddress(chat, thread);
        } catch (NumberFormatException e) {
            throw SendFailure.permanent("telegram: " + what + ": '" + address + "' is not a chat id", e);
        }
    }

    /** The destination of a message in this chat, in the topic it was written in (if any). */
    public Destination destination() {
        return threadId.map(t -> Destination.telegram(chatId, t)).orElse(Destination.telegram(chatId));
    }

    @Override
    public String toString() {
        return threadId.map(t -> chatId + " topic " + t).orElse(Long.toString(chatId));
    }
}
