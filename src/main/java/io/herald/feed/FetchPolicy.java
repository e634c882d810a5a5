package io.herald.feed;

import java.time.Duration;

/** Limits and manners for fetching feeds. */
public record FetchPolicy(
        boolean allowPrivateAddresses,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodyBytes,
        String userAgent) {

    public static FetchPolicy defaults(boolean allowPrivateAddresses) {
        return new FetchPolicy(allowPrivateAddresses, Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L * 1024 * 1024, "Herald/0.1 (+https://github.com/herald-alerts/herald)");
    }
}
