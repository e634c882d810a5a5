package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Each phase ends within its limit: a part that hangs is left behind, the next phase still runs. */
class ShutdownTest {
    @Test
    void aHangingPartIsLeftBehindAndTheStopStillEndsWithinTheSumOfItsPhases() {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        Shutdown shutdown = new Shutdown()
                .phase(Duration.ofMillis(300)).step("http", () -> done.add("http"))
                .phase(Duration.ofMillis(500)).step("polling", never::await).step("delivery", () -> done.add("delivery"))
                .phase(Duration.ofMillis(300)).step("clients", () -> done.add("clients"));

        long start = System.nanoTime();
        List<String> unfinished = shutdown.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(unfinished).containsExactly("polling");
        assertThat(done).containsExactly("http", "delivery", "clients");
        assertThat(shutdown.limit()).isEqualTo(Duration.ofMillis(1100));
        assertThat(took).as("the hanging part cost its phase's limit, no more").isLessThan(Duration.ofSeconds(5))
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
}
