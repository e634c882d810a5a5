package io.herald.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the service in phases, each within its own time limit: the steps of a phase run at once on their own
 * threads, and a step still running when its phase's time is up is left behind (logged) so that the whole stop
 * always ends within the sum of the phases' limits, however loaded or stuck a part is.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    /** One thing to stop. */
    record Step(String name, AutoCloseable action) {
    }

    private record Phase(Duration limit, List<Step> steps) {
    }

    private final List<Phase> phases = new ArrayList<>();

    /** Starts a new phase with its own limit; the steps added next belong to it. */
    Shutdown phase(Duration limit) {
        phases.add(new Phase(limit, new ArrayList<>()));
        return this;
    }

    /** Adds a step to the current phase. */
    Shutdown step(String name, AutoCloseable action) {
        phases.get(phases.size() - 1).steps().add(new Step(name, action));
        return this;
    }

    /** The most all phases may take. */
    Duration limit() {
        return phases.stream().map(Phase::limit).reduce(Duration.ZERO, Duration::plus);
    }

    /** Runs every phase in order; returns the names of steps that did not finish within their phase. */
    List<String> run() {
        List<String> unfinished = new ArrayList<>();
        for (Phase phase : phases) {
            long deadline = System.nanoTime() + phase.limit().toNanos();
            List<Thread> threads = new ArrayList<>();
            for (Step step : phase.steps()) {
                Thread t = new Thread(() -> close(step), "herald-stop-" + step.name());
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            for (int i = 0; i < threads.size(); i++) {
                join(threads.get(i), deadline);
                if (threads.get(i).isAlive()) {
                    String name = phase.steps().get(i).name();
                    LOG.warn("stop: {} did not finish within {} ms; leaving it behind", name,
                            phase.limit().toMillis());
                    unfinished.add(name);
                }
            }
        }
        return unfinished;
    }

    private static void close(Step step) {
        try {
            step.action().close();
        } catch (Exception e) {
            LOG.warn("stop: {}: {}", step.name(), e.toString());
        }
    }

    private static void join(Thread t, long deadline) {
        try {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
