package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "10s,     PT10S",
        "5m,      PT5M",
        "1h,      PT1H",
        "1d,      PT24H",
        "2h30m,   PT2H30M",
        "1d2h3m4s, PT26H3M4S",
        "90m,     PT1H30M",
        "0s,      PT0S",
        "' 5m ',  PT5M",
        "PT5M,    PT5M",
        "pt5m,    PT5M",
        "PT1H30M, PT1H30M",
        "P1D,     PT24H",
        "P1DT2H,  PT26H",
        "PT0.5S,  PT0.5S",
    })
    void parsesShortAndIsoDurations(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"", "  ", "10", "5 m", "5M", "m", "1w", "30m2h", "5m5m", "1.5h", "-5m", "PTX", "-PT5M",
        "five minutes", "10ms", "1234567890s"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest(name = "\"{0}\" explains {1}")
    @CsvSource({
        "10,    add a unit",
        "5x,    use e.g. 30s, 5m, 1h, 2h30m, 1d or PT5M",
        "PT5X,  ISO-8601",
        "-PT5M, negative",
        "'',    empty duration",
    })
    void explainsWhyADurationIsRefused(String text, String explanation) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining(explanation);
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({
        "PT0S,      0s",
        "PT10S,     10s",
        "PT5M,      5m",
        "PT2H30M,   2h30m",
        "PT26H3M4S, 1d2h3m4s",
        "PT0.5S,    500ms",
        "-PT5M,     -5m",
    })
    void formatsTheShortWay(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10s", "5m", "2h30m", "1d2h3m4s"})
    void formatThenParseGivesTheSameDuration(String text) {
        Duration duration = Durations.parse(text);
        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}
