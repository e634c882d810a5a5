package io.herald.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by asking it again every 50 ms, up to a time limit. */
public final class Await {
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /** Returns once the condition holds; fails with "condition within LIMIT" when it does not hold in time. */
    public static void until(Duration within, BooleanSupplier condition) throws InterruptedException {
        until(within, condition, "condition");
    }

    /**
     * Returns once the condition holds; fails with "{@code what} within LIMIT" and how long it waited when it does
     * not hold in time.
     */
    public static void until(Duration within, BooleanSupplier condition, String what) throws InterruptedException {
        long start = System.nanoTime();
        if (!upTo(within, condition)) {
            throw new AssertionError("[" + what + " within " + within + "] still not so after "
                    + Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Waits until the condition holds or the time is up, without failing: the assertion that follows says what was
     * expected. Returns whether the condition held.
     */
    public static boolean upTo(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
