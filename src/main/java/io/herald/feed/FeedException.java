package io.herald.feed;

/** A feed that could not be fetched or parsed. The message is one plain sentence naming the feed or URL. */
public class FeedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient java.time.Duration retryAfter;

    public FeedException(String message) {
        this(message, null, null);
    }

    public FeedException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /** A failure after which the server asked not to be polled again before {@code retryAfter} (429/503). */
    public FeedException(String message, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, when it sent one with the failure. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }
}
