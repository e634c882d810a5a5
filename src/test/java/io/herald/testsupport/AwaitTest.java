package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    @Test
    void untilReturnsOnceTheConditionHolds() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Await.until(Duration.ofSeconds(5), () -> asked.incrementAndGet() >= 3);
        assertThat(asked).hasValue(3);
    }

    @Test
    void untilFailsNamingWhatItWaitedForAndTheLimit() {
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(120), () -> false, "2 polls"))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("[2 polls within PT0.12S] still not so after");
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(120), () -> false))
                .hasMessageStartingWith("[condition within PT0.12S]");
    }

    @Test
    void upToSaysWhetherTheConditionHeldWithoutFailing() throws Exception {
        assertThat(Await.upTo(Duration.ofMillis(120), () -> false)).isFalse();
        assertThat(Await.upTo(Duration.ofMillis(120), () -> true)).isTrue();
    }
}
