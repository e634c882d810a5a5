package io.herald.metrics;

import io.herald.model.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The port through which Herald says what it measures; the Micrometer adapter
 * ({@code io.herald.metrics.micrometer}) names the meters and exposes them. Every method has a no-op default, so
 * a test or a tool passes {@link #NONE}.
 */
public interface HeraldMetrics {

    /** Measures nothing. */
    HeraldMetrics NONE = new HeraldMetrics() {
    };

    /** How a poll ended. */
    enum PollOutcome {
        OK, NOT_MODIFIED, FAILED, PAUSED
    }

    /**
     * One poll of one feed.
     *
     * @param newItems items not seen before
     * @param matches  alerts it queued (one per matching item and destination)
     */
    default void polled(PollOutcome outcome, Duration took, int newItems, int matches) {
    }

    /** An alert (or each alert of a digest) went out; {@code fetchToSend} is from its queueing to now. */
    default void alertSent(Platform platform, Duration fetchToSend) {
    }

    /** A send failed and will be retried later. */
    default void alertRetried(Platform platform) {
    }

    /** An alert was given up for good. */
    default void alertFailed(Platform platform) {
    }

    /** The platform answered 429 (rate limited). */
    default void rateLimited(Platform platform) {
    }

    /** An HTTP request was answered; {@code route} is the matched path (bounded set) or {@code unmatched}. */
    default void httpRequest(String method, String route, int status, Duration took) {
    }

    /** Reports the subscription index's size whenever metrics are read. */
    default void watchIndexSize(IntSupplier subscriptions) {
    }

    /** Reports outbox rows by status ({@code pending}, {@code sent}, {@code failed}) whenever metrics are read. */
    default void watchOutbox(Supplier<Map<String, Integer>> byStatus) {
    }
}
