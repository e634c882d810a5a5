package io.herald.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.supervise.WorkerState.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Loops that die are logged, restarted after a backoff and reported; a stop request ends them. */
class SupervisorTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMinutes(1));

    /** Fails its first {@code failures} runs (throwing), then works until stopped. */
    private static final class Flaky implements Supervised {
        private final int failures;
        private final AtomicInteger runs = new AtomicInteger();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final CountDownLatch working = new CountDownLatch(1);

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public void run() throws InterruptedException {
            if (runs.incrementAndGet() <= failures) {
                throw new IllegalStateException("database: cannot read due destinations (run " + runs.get() + ")");
            }
            working.countDown();
            stopped.await();
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }

    @Test
    void aLoopThatKeepsDyingIsRestartedWithBackoffUntilItWorks() throws Exception {
        try (Supervisor supervisor = new Supervisor(FAST, Clock.systemUTC())) {
            Flaky loop = new Flaky(4);
            Supervisor.Handle handle = supervisor.supervise("delivery", true, loop);
            assertThat(loop.working.await(10, TimeUnit.SECONDS)).as("running after four deaths").isTrue();
            assertThat(loop.runs.get()).isEqualTo(5);
            WorkerState state = handle.state();
            assertThat(state.status()).isEqualTo(Status.RUNNING);
            assertThat(state.restarts()).isEqualTo(4);
            assertThat(state.lastError()).hasValueSatisfying(e -> assertThat(e).contains("run 4"));
            assertThat(handle.stop(Duration.ofSeconds(5))).isTrue();
            assertThat(handle.state().status()).isEqualTo(Status.STOPPED);
        }
    }

    @Test
    void whileWaitingToRestartTheLoopIsReportedAsRestartingWithItsCause() throws Exception {
        Backoff slow = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1));
        try (Supervisor supervisor = new Supervisor(slow, Clock.systemUTC())) {
            Flaky loop = new Flaky(1);
            supervisor.supervise("delivery", true, loop);
            await(() -> supervisor.states().get(0).status() == Status.RESTARTING);
            assertThat(supervisor.states()).singleElement().satisfies(s -> {
                assertThat(s.essential()).isTrue();
                assertThat(s.lastError()).hasValueSatisfying(e -> assertThat(e).contains("cannot read"));
            });
            long start = System.nanoTime();
            assertThat(supervisor.stopAll(Duration.ofSeconds(5))).as("a stop cuts the backoff short").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(loop.runs.get()).isEqualTo(1);
        }
    }

    @Test
    void aLoopThatReturnsWithoutBeingStoppedIsRestartedToo() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Supervisor supervisor = new Supervisor(FAST, Clock.systemUTC())) {
            supervisor.supervise("poll-watch", false, new Supervised() {
                @Override
                public void run() {
                    runs.incrementAndGet();
                }

                @Override
                public void stop() {
                }
            });
            await(() -> runs.get() >= 3);
            assertThat(supervisor.states().get(0).lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("returned without being stopped"));
        }
    }

    @Test
    void backoffDoublesUpToItsCapAndJitterStaysWithinTwentyPercent() {
        Duration wait = null;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            wait = Backoff.DEFAULT.next(wait);
            seen.append(wait.toMillis()).append(' ');
            Duration jittered = Backoff.jitter(wait);
            assertThat(jittered.toMillis()).isBetween(wait.toMillis() * 8 / 10, wait.toMillis() * 12 / 10);
        }
        assertThat(seen.toString().strip()).isEqualTo("500 1000 2000 4000 8000 10000 10000");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
