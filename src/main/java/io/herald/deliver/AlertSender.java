package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Platform;
import java.util.Optional;

/** Sends alerts, digests and plain notices to one platform. Implementations live in platform sub-packages. */
public interface AlertSender {

    /** The platform whose destinations this sender serves. */
    Platform platform();

    /**
     * Sends the alert to {@code alert.destination()}.
     *
     * @throws SendFailure when the platform refused or could not be reached; says whether to retry and when
     */
    void send(Alert alert) throws SendFailure;

    /**
     * Sends the alert like {@link #send} and returns the platform's id of the message it became (Telegram
     * {@code message_id}, Slack {@code ts}), so that its buttons can change later; empty where there is none.
     */
    default Optional<String> sendTracked(Alert alert) throws SendFailure {
        send(alert);
        return Optional.empty();
    }

    /**
     * Sends the alert without any markup, after the platform refused its formatted version
     * ({@link SendFailure.Kind#BAD_MARKUP}). Platforms without markup send it as usual.
     */
    default void sendPlain(Alert alert) throws SendFailure {
        send(alert);
    }

    /**
     * Sends plain text to an address of this platform: a chat, a channel, or a user id for a private message.
     * Long text may go out as several messages.
     */
    default void sendNotice(String address, String text) throws SendFailure {
        throw SendFailure.permanent(platform().key() + ": cannot send plain notices to " + address, null);
    }

    /** Sends a reply to a command, as plain text, to the chat (or forum topic) it came from. */
    default void sendReply(Destination to, String text) throws SendFailure {
        sendNotice(to.address(), text);
    }

    /** Sends a reply in the platform's markup where it has one, else as plain text ({@link #sendReply}). */
    default void sendReply(Destination to, ReplyText text) throws SendFailure {
        sendReply(to, text.plain());
    }

    /** Sends several alerts for one destination as one message with the headlines as links. */
    default void sendDigest(Digest digest) throws SendFailure {
        sendNotice(digest.destination().address(), digest.plainText());
    }

    /** Sends a digest without markup, after the platform refused its formatted version. */
    default void sendDigestPlain(Digest digest) throws SendFailure {
        sendNotice(digest.destination().address(), digest.plainText());
    }
}
