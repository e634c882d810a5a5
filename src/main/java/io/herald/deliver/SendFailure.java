package io.herald.deliver;

import java.time.Duration;
import java.util.Optional;

/** A send that did not go through, with what the platform said and whether a retry can help. */
public final class SendFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final transient Optional<Duration> retryAfter;

    private SendFailure(String message, boolean permanent, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** Retrying later may work (network error, 5xx). */
    public static SendFailure transientFailure(String message, Throwable cause) {
        return new SendFailure(message, false, Optional.empty(), cause);
    }

    /** The platform asked us to wait exactly this long before the next send to that destination (429). */
    public static SendFailure rateLimited(String message, Duration retryAfter) {
        return new SendFailure(message, false, Optional.of(retryAfter), null);
    }

    /** Retrying the same message cannot work (chat not found, bot blocked, message refused). */
    public static SendFailure permanent(String message, Throwable cause) {
        return new SendFailure(message, true, Optional.empty(), cause);
    }

    public boolean isPermanent() {
        return permanent;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
