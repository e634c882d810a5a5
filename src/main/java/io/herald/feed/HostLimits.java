package io.herald.feed;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Caps concurrent requests per host and overall: a fetch waits for a slot, so one slow or large site never takes
 * more than its share of connections and the process never opens more than the global number at once.
 */
final class HostLimits {
    private final int perHost;
    private final Semaphore global;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    HostLimits(int perHost, int global) {
        if (perHost < 1 || global < 1) {
            throw new IllegalArgumentException("concurrency limits must be positive: " + perHost + ", " + global);
        }
        this.perHost = perHost;
        this.global = new Semaphore(global, true);
    }

    /** A held slot for {@code host}; close it to release. */
    Slot acquire(String host) throws InterruptedException {
        Semaphore forHost = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost, true));
        forHost.acquire();
        try {
            global.acquire();
        } catch (InterruptedException e) {
            forHost.release();
            throw e;
        }
        return () -> {
            global.release();
            forHost.release();
        };
    }

    /** A held permit. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
