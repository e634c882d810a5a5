package io.herald.supervise;

import java.time.Instant;
import java.util.Optional;

/**
 * What a supervised loop is doing now.
 *
 * @param name      the loop's name ({@code delivery}, {@code telegram}, ...)
 * @param essential whether Herald cannot do its job while this loop is down (readiness then fails)
 * @param status    running, waiting to be restarted, or stopped
 * @param since     when it entered this status
 * @param lastError why it last died, when it has died
 * @param restarts  how many times it was restarted
 */
public record WorkerState(String name, boolean essential, Status status, Instant since, Optional<String> lastError,
                          int restarts) {

    /** Where a supervised loop is. */
    public enum Status {
        RUNNING, RESTARTING, STOPPED
    }
}
