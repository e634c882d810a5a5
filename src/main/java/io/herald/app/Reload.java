package io.herald.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP reloads the config. The JDK has no public API for signals; {@code sun.misc.Signal} lives in the
 * {@code jdk.unsupported} module, which every JDK since 9 exports (it is meant to stay until a public replacement
 * exists), so it is called here and nowhere else. Where the platform has no HUP
 * signal (Windows) or the JVM already uses it, Herald says so and goes on: the file watch and {@code /reload} still
 * reload.
 */
final class Reload {
    private static final Logger LOG = LoggerFactory.getLogger(Reload.class);

    private Reload() {
    }

    /** Runs {@code reload} on its own thread at every SIGHUP. */
    static void onHangup(Runnable reload) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread t = new Thread(() -> {
                    try {
                        reload.run();
                    } catch (RuntimeException e) {
                        LOG.error("config: reload after SIGHUP failed", e);
                    }
                }, "herald-sighup");
                t.setDaemon(true);
                t.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.info("config: SIGHUP cannot be handled here ({}); the file watch and /reload still reload",
                    e.getMessage());
        }
    }
}
