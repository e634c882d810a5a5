package io.herald.supervise;

/**
 * A long-running loop that a {@link Supervisor} keeps alive. {@link #run()} works until {@link #stop()} is called
 * and then returns; if it throws, or returns without being asked to, the supervisor logs it and starts it again
 * after a backoff. The loop itself never needs its own retry-and-die logic: on any failure it just throws.
 */
public interface Supervised {

    /** Works until stopped; throws on any failure it cannot handle in place. */
    void run() throws Exception;

    /** Asks {@link #run()} to return soon; called from another thread, may be called more than once. */
    void stop();
}
