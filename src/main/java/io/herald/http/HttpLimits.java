package io.herald.http;

import java.time.Duration;

/**
 * What one client may take from the HTTP server.
 *
 * @param headerTimeout  a connection must complete a request's headers within this time (slow-header clients)
 * @param bodyTimeout    the whole body must arrive within this time (slow-body clients)
 * @param idleTimeout    a connection silent this long is closed
 * @param maxConnections open connections at most; more wait in the accept queue
 * @param maxThreads     threads serving requests at most
 * @param maxBodyBytes   largest request body (larger: 413)
 * @param maxHeaderBytes largest request line and headers (larger: 431)
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnections,
                         int maxThreads, int maxBodyBytes, int maxHeaderBytes) {

    /** Sized for health checks, a Prometheus scraper and Slack's requests; far above their needs. */
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 256, 16, 64 * 1024, 8 * 1024);
}
