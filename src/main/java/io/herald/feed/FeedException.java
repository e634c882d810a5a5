package io.herald.feed;

/** A feed that could not be fetched or parsed. The message is one plain sentence naming the feed or URL. */
public class FeedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
