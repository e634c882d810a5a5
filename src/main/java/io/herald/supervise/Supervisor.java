package io.herald.supervise;

import io.herald.supervise.WorkerState.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Herald's long-running loops alive: each runs on its own thread; when one dies (throws, or returns without
 * being stopped) the death is logged with its cause and the loop is started again after a {@link Backoff}. The
 * loops' states feed {@code /health/ready}.
 */
public final class Supervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    private final Backoff backoff;
    private final Clock clock;
    private final List<Handle> handles = new CopyOnWriteArrayList<>();

    public Supervisor() {
        this(Backoff.DEFAULT, Clock.systemUTC());
    }

    public Supervisor(Backoff backoff, Clock clock) {
        this.backoff = backoff;
        this.clock = clock;
    }

    /**
     * Starts {@code loop} now on a thread named {@code herald-<name>} and keeps it running until stopped.
     *
     * @param essential whether readiness fails while this loop is down (delivery) or only degrades (a chat transport)
     */
    public Handle supervise(String name, boolean essential, Supervised loop) {
        Handle handle = new Handle(name, essential, loop);
        handles.add(handle);
        handle.thread.start();
        return handle;
    }

    /**
     * Stops a loop (waiting up to {@code timeout}) and forgets it: it no longer shows in {@link #states()}, as a
     * loop this node hands to another node of a cluster is not a loop that died.
     */
    public boolean retire(Handle handle, Duration timeout) {
        boolean ended = handle.stop(timeout);
        handles.remove(handle);
        return ended;
    }

    /** Every loop's state, in the order they were started. */
    public List<WorkerState> states() {
        return handles.stream().map(Handle::state).toList();
    }

    /** Asks every loop to stop at once, then waits for all of them within {@code timeout}; true when all ended. */
    public boolean stopAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        handles.forEach(Handle::requestStop);
        boolean all = true;
        for (Handle h : handles) {
            all &= h.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return all;
    }

    @Override
    public void close() {
        stopAll(Duration.ofSeconds(5));
    }

    /** One supervised loop. */
    public final class Handle {
        private final String name;
        private final boolean essential;
        private final Supervised loop;
        private final Thread thread;
        private final Object sleeper = new Object();
        private volatile boolean stopping;
        private volatile WorkerState state;

        private Handle(String name, boolean essential, Supervised loop) {
            this.name = name;
            this.essential = essential;
            this.loop = loop;
            this.state = new WorkerState(name, essential, Status.RUNNING, clock.instant(), Optional.empty(), 0);
            this.thread = new Thread(this::keepAlive, "herald-" + name);
            thread.setDaemon(true);
        }

        public WorkerState state() {
            return state;
        }

        /** Asks the loop to stop and waits up to {@code timeout} for it; true when it ended. */
        public boolean stop(Duration timeout) {
            requestStop();
            return join(timeout);
        }

        private void requestStop() {
            stopping = true;
            synchronized (sleeper) {
                sleeper.notifyAll();
            }
            try {
                loop.stop();
            } catch (RuntimeException e) {
                LOG.warn("{}: stop request failed: {}", name, e.toString());
            }
        }

        private boolean join(Duration timeout) {
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !thread.isAlive();
        }

        private void keepAlive() {
            Duration wait = null;
            int restarts = 0;
            while (!stopping) {
                long started = System.nanoTime();
                Throwable failure = runOnce();
                if (stopping) {
                    break;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(backoff.healthyAfter()) >= 0) {
                    wait = null;
                }
                wait = backoff.next(wait);
                Duration pause = Backoff.jitter(wait);
                String reason = describe(failure);
                LOG.error("{}: stopped unexpectedly ({}); restarting in {} ms", name, reason, pause.toMillis());
                LOG.debug("{}: failure detail", name, failure);
                state = new WorkerState(name, essential, Status.RESTARTING, clock.instant(), Optional.of(reason),
                        restarts);
                pauseFor(pause);
                restarts++;
                state = new WorkerState(name, essential, Status.RUNNING, clock.instant(), Optional.of(reason),
                        restarts);
            }
            state = new WorkerState(name, essential, Status.STOPPED, clock.instant(), state.lastError(), restarts);
        }

        private Throwable runOnce() {
            try {
                loop.run();
                return new IllegalStateException("the loop returned without being stopped");
            } catch (Throwable t) {
                Thread.interrupted(); // a stray interrupt must not cut the backoff short
                return t;
            }
        }

        private void pauseFor(Duration pause) {
            long until = System.nanoTime() + pause.toNanos();
            synchronized (sleeper) {
                while (!stopping && System.nanoTime() < until) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(sleeper, Math.max(1, until - System.nanoTime()));
                    } catch (InterruptedException e) {
                        Thread.interrupted();
                    }
                }
            }
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
