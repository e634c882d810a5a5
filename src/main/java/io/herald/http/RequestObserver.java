package io.herald.http;

import java.time.Duration;

/** Told about every answered request (for metrics); {@code route} is the matched path or {@code unmatched}. */
@FunctionalInterface
public interface RequestObserver {
    void answered(String method, String route, int status, Duration took);
}
