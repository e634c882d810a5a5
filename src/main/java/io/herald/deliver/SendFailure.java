package io.herald.deliver;

import io.herald.model.Redactor;
import java.time.Duration;
import java.util.Optional;

/**
 * A send that did not go through, with what the platform said, whether a retry can help, and for refusals that
 * call for an action (resend as plain text, pause the destination, move it) the {@link Kind} that says which.
 */
public final class SendFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; decides what the delivery worker does next. */
    public enum Kind {
        /** Network error, 5xx, timeout: retry later with backoff. */
        TRANSIENT,
        /** 429: wait exactly {@link #retryAfter()} before the next send to that destination. */
        RATE_LIMITED,
        /** The platform could not parse the message's markup (Telegram "can't parse entities"): resend as plain text. */
        BAD_MARKUP,
        /**
         * The destination cannot receive anything any more: Telegram 403 (blocked, kicked, user deactivated), Slack
         * {@code channel_not_found}, {@code not_in_channel}, {@code is_archived}. Pause the destination.
         */
        RECIPIENT_GONE,
        /** The Telegram group became a supergroup with a new id ({@link #migratedTo()}): move the destination. */
        CHAT_MIGRATED,
        /** Any other refusal: retrying the same message cannot work. Record it. */
        PERMANENT
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;
    private final String migratedTo;

    private SendFailure(String message, Kind kind, Optional<Duration> retryAfter, String migratedTo, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.migratedTo = migratedTo;
    }

    /** Retrying later may work (network error, 5xx). */
    public static SendFailure transientFailure(String message, Throwable cause) {
        return new SendFailure(message, Kind.TRANSIENT, Optional.empty(), null, cause);
    }

    /** The platform asked us to wait exactly this long before the next send to that destination (429). */
    public static SendFailure rateLimited(String message, Duration retryAfter) {
        return new SendFailure(message, Kind.RATE_LIMITED, Optional.of(retryAfter), null, null);
    }

    /** Retrying the same message cannot work (message refused, chat not found). */
    public static SendFailure permanent(String message, Throwable cause) {
        return new SendFailure(message, Kind.PERMANENT, Optional.empty(), null, cause);
    }

    /** The platform refused the message's markup; the same content as plain text may go through. */
    public static SendFailure badMarkup(String message, Throwable cause) {
        return new SendFailure(message, Kind.BAD_MARKUP, Optional.empty(), null, cause);
    }

    /** The destination no longer accepts messages from the bot (blocked, kicked, deactivated, archived, gone). */
    public static SendFailure recipientGone(String message, Throwable cause) {
        return new SendFailure(message, Kind.RECIPIENT_GONE, Optional.empty(), null, cause);
    }

    /** The chat moved to a new address (a Telegram group upgraded to a supergroup). */
    public static SendFailure chatMigrated(String message, String newAddress, Throwable cause) {
        return new SendFailure(message, Kind.CHAT_MIGRATED, Optional.empty(), newAddress, cause);
    }

    /** The same failure with its message and cause's messages passed through {@code redactor}. */
    public SendFailure redacted(Redactor redactor) {
        SendFailure copy = new SendFailure(redactor.redact(getMessage()), kind, retryAfter(), migratedTo,
                redactor.redact(getCause()));
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public Kind kind() {
        return kind;
    }

    /** True for every kind except {@link Kind#TRANSIENT} and {@link Kind#RATE_LIMITED}. */
    public boolean isPermanent() {
        return kind != Kind.TRANSIENT && kind != Kind.RATE_LIMITED;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** For {@link Kind#CHAT_MIGRATED}: the chat's new address (e.g. {@code -1001234567890}). */
    public Optional<String> migratedTo() {
        return Optional.ofNullable(migratedTo);
    }
}
