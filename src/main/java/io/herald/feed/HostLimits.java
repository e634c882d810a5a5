package io.herald.feed;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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

    /**
     * A held slot for {@code host} and {@code port} (two servers on one name are two hosts), waited for until
     * {@code deadline} ({@link System#nanoTime()}) at most; empty when none came free in time. Close it to release.
     */
    Optional<Slot> acquire(String host, int port, long deadline) throws InterruptedException {
        Semaphore forHost = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT) + ":" + port,
                h -> new Semaphore(perHost, true));
        if (!forHost.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        try {
            if (!global.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                forHost.release();
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            forHost.release();
            throw e;
        }
        return Optional.of(() -> {
            global.release();
            forHost.release();
        });
    }

    /** A held permit. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
