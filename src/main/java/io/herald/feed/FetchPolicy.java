package io.herald.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and manners for fetching feeds.
 *
 * @param allowPrivateAddresses when false, hosts resolving to loopback, private, link-local and similar addresses
 *                              are refused (config key {@code network.allow_private_addresses})
 * @param connectTimeout        time allowed to open the TCP/TLS connection
 * @param readTimeout           longest silence allowed while reading the response
 * @param maxBodyBytes          largest decoded body accepted
 * @param userAgent             the User-Agent header sent with every request
 * @param totalTimeout          time allowed for one whole fetch, redirects included
 * @param perHostConcurrency    most requests in flight to one host at a time
 * @param globalConcurrency     most requests in flight at a time
 */
public record FetchPolicy(
        boolean allowPrivateAddresses,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodyBytes,
        String userAgent,
        Duration totalTimeout,
        int perHostConcurrency,
        int globalConcurrency) {

    public static final int DEFAULT_PER_HOST = 2;
    public static final int DEFAULT_GLOBAL = 16;

    public FetchPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (perHostConcurrency < 1 || globalConcurrency < 1) {
            throw new IllegalArgumentException("concurrency limits must be positive");
        }
    }

    /** A policy with the default concurrency limits (2 per host, 16 overall). */
    public FetchPolicy(boolean allowPrivateAddresses, Duration connectTimeout, Duration readTimeout,
            long maxBodyBytes, String userAgent, Duration totalTimeout) {
        this(allowPrivateAddresses, connectTimeout, readTimeout, maxBodyBytes, userAgent, totalTimeout,
                DEFAULT_PER_HOST, DEFAULT_GLOBAL);
    }

    /** A policy whose total timeout is the connect timeout plus twice the read timeout. */
    public FetchPolicy(boolean allowPrivateAddresses, Duration connectTimeout, Duration readTimeout,
            long maxBodyBytes, String userAgent) {
        this(allowPrivateAddresses, connectTimeout, readTimeout, maxBodyBytes, userAgent,
                connectTimeout.plus(readTimeout).plus(readTimeout));
    }

    public static FetchPolicy defaults(boolean allowPrivateAddresses) {
        return new FetchPolicy(allowPrivateAddresses, Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L * 1024 * 1024, "Herald/0.1 (+https://github.com/herald-alerts/herald)");
    }

    /** The same policy with another body limit. */
    public FetchPolicy withMaxBodyBytes(long bytes) {
        return new FetchPolicy(allowPrivateAddresses, connectTimeout, readTimeout, bytes, userAgent, totalTimeout,
                perHostConcurrency, globalConcurrency);
    }

    /** The same policy with other concurrency limits. */
    public FetchPolicy withConcurrency(int perHost, int global) {
        return new FetchPolicy(allowPrivateAddresses, connectTimeout, readTimeout, maxBodyBytes, userAgent,
                totalTimeout, perHost, global);
    }
}
