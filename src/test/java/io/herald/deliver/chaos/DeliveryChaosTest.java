package io.herald.deliver.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run sized for CI (800 alerts to 160 chats, 25 of them groups: at most 1% duplicates, which covers the
 * 8 sends that can be in flight at the SIGKILL): a separate delivery JVM with the default delivery settings, killed
 * with SIGKILL, stopped with SIGTERM and restarted on the same database, against a fake Telegram that fails 10% of
 * sends with 502 and enforces rate limits stricter overall than Herald's own pace, so that 429 windows are opened
 * all along, some of them still open when the next JVM starts; none of them may be sent into. The full size (1,500 alerts to 300 chats) runs in the benchmark.
 */
class DeliveryChaosTest {
    private static final int ALERTS = 800;

    @TempDir
    Path dir;

    @Test
    void losesNothingDuplicatesAtMostOnePercentAndNeverSendsInsideARetryWindow() throws Exception {
        DeliveryChaos.Result result = DeliveryChaos.run(dir, ALERTS, 160, 25, System.out);
        System.out.println("chaos: " + result);

        assertThat(result.rateLimited()).as("429s answered by the fake").isPositive();
        assertThat(result.windowsOpenAfterKill() + result.windowsOpenAfterTerm())
                .as("retry_after windows still open when a new delivery JVM started").isPositive();
        assertThat(result.lost()).as("lost alerts").isZero();
        assertThat(result.failedRows()).as("alerts given up").isZero();
        assertThat(result.duplicates()).as("duplicates").isLessThanOrEqualTo(ALERTS / 100);
        assertThat(result.insideRetryWindow()).as("sends inside a retry_after window").isZero();
        assertThat(result.injected502()).as("the fake did inject failures").isPositive();
        assertThat(result.sigtermExit()).as("exit after SIGTERM").isLessThan(Duration.ofSeconds(10));
    }
}
