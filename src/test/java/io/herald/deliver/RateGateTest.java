package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Platform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateGateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final DeliveryPolicy policy = DeliveryPolicy.defaults();

    @Test
    void allowsATenthOfASecondsWorthAtOnceThenThePlatformRate() {
        RateGate gate = new RateGate(policy);
        assertThat(gate.tryTake(Platform.TELEGRAM, T0)).isTrue();
        assertThat(gate.tryTake(Platform.TELEGRAM, T0)).isTrue();
        assertThat(gate.tryTake(Platform.TELEGRAM, T0)).isTrue();
        assertThat(gate.tryTake(Platform.TELEGRAM, T0)).isFalse();
        assertThat(gate.untilAvailable(Platform.TELEGRAM, T0)).isEqualTo(Duration.ofMillis(34));
        assertThat(gate.tryTake(Platform.TELEGRAM, T0.plusMillis(34))).isTrue();
    }

    @Test
    void neverLetsMoreThanTheRatePlusTheBucketThroughInASecond() {
        RateGate gate = new RateGate(policy);
        int taken = 0;
        for (int ms = 0; ms < 1000; ms++) {
            while (gate.tryTake(Platform.TELEGRAM, T0.plusMillis(ms))) {
                taken++;
            }
        }
        assertThat(taken).isBetween(30, 33);
    }

    @Test
    void leavesPlatformsWithoutAnOverallLimitAlone() {
        RateGate gate = new RateGate(policy);
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.tryTake(Platform.CONSOLE, T0)).isTrue();
            assertThat(gate.tryTake(Platform.SLACK, T0)).isTrue();
        }
    }

    @Test
    void floodThresholdIsWhatTheDestinationsPaceAllowsInTheWindow() {
        assertThat(policy.floodThreshold(Destination.telegram(42))).isEqualTo(57);
        assertThat(policy.floodThreshold(Destination.telegram(-100123))).isEqualTo(19);
        assertThat(policy.floodThreshold(Destination.slack("C0123"))).isEqualTo(57);
        assertThat(policy.floodThreshold(Destination.CONSOLE)).isEqualTo(Integer.MAX_VALUE);
    }
}
