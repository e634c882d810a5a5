package io.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.health.HealthReport.Level;
import io.herald.store.OutboxEntry;
import io.herald.supervise.WorkerState;
import io.herald.supervise.WorkerState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What /health/ready says for each kind of trouble. */
class ReadinessTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Readiness READINESS = new Readiness(Duration.ofMinutes(10), Duration.ofSeconds(1));

    private static HealthSample sample(Optional<String> db, Optional<Instant> oldestDue, List<String> failing) {
        return new HealthSample(NOW.minusMillis(500), db, oldestDue, 3, failing,
                Map.of(OutboxEntry.Status.PENDING, 2));
    }

    private static final HealthSample FINE = sample(Optional.empty(), Optional.of(NOW.minusSeconds(5)), List.of());
    private static final WorkerState DELIVERY = worker("delivery", true, Status.RUNNING);
    private static final Transports.State TELEGRAM_UP = new Transports.State("telegram", true, Optional.empty(), NOW);

    private static WorkerState worker(String name, boolean essential, Status status) {
        return new WorkerState(name, essential, status, NOW, status == Status.RUNNING ? Optional.empty()
                : Optional.of("database: cannot read due destinations"), status == Status.RUNNING ? 0 : 1);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all well", Optional.of(FINE), List.of(DELIVERY), List.of(TELEGRAM_UP), Level.OK, ""),
                Arguments.of("database unwritable", Optional.of(sample(Optional.of("database unwritable: disk I/O"),
                        Optional.empty(), List.of())), List.of(DELIVERY), List.of(), Level.DOWN,
                        "database unwritable: disk I/O"),
                Arguments.of("delivery stalled", Optional.of(sample(Optional.empty(),
                        Optional.of(NOW.minus(Duration.ofMinutes(12))), List.of())), List.of(DELIVERY), List.of(),
                        Level.DOWN, "delivery stalled: the oldest due alert has waited 12 min"),
                Arguments.of("delivery dead", Optional.of(FINE), List.of(worker("delivery", true, Status.RESTARTING)),
                        List.of(), Level.DOWN, "delivery restarting after a failure: database: cannot read"),
                Arguments.of("transport down", Optional.of(FINE), List.of(DELIVERY), List.of(new Transports.State(
                        "telegram", false, Optional.of("getUpdates answered HTTP 502"), NOW)), Level.DEGRADED,
                        "telegram disconnected: getUpdates answered HTTP 502"),
                Arguments.of("feeds failing", Optional.of(sample(Optional.empty(), Optional.empty(),
                        List.of("tech", "world"))), List.of(DELIVERY), List.of(), Level.DEGRADED,
                        "feeds failing: 2 of 3 (tech, world)"),
                Arguments.of("side loop dead", Optional.of(FINE), List.of(DELIVERY,
                        worker("retention", false, Status.RESTARTING)), List.of(), Level.DEGRADED,
                        "retention restarting after a failure"),
                Arguments.of("checks stalled", Optional.of(new HealthSample(NOW.minusSeconds(30), Optional.empty(),
                        Optional.empty(), 3, List.of(), Map.of())), List.of(DELIVERY), List.of(), Level.DOWN,
                        "health checks stalled: the last one ran 30 s ago"),
                Arguments.of("no check yet", Optional.empty(), List.of(DELIVERY), List.of(), Level.DOWN,
                        "starting"),
                Arguments.of("down wins over degraded", Optional.of(sample(Optional.of("database unwritable: gone"),
                        Optional.empty(), List.of("world"))), List.of(DELIVERY), List.of(), Level.DOWN,
                        "database unwritable: gone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachTrouble(String name, Optional<HealthSample> sample, List<WorkerState> workers,
                            List<Transports.State> transports, Level level, String reason) {
        HealthReport report = READINESS.assess(sample, workers, transports, NOW);
        assertThat(report.status()).isEqualTo(level);
        assertThat(report.ready()).isEqualTo(level != Level.DOWN);
        if (reason.isEmpty()) {
            assertThat(report.reasons()).isEmpty();
        } else {
            assertThat(report.reasons().get(0)).startsWith(reason);
        }
    }
}
