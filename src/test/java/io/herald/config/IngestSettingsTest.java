package io.herald.config;

import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code defaults.max_failures} and {@code network.max_body_size}. */
class IngestSettingsTest {

    @Test
    void defaultsWhenAbsent() throws Exception {
        HeraldConfig config = load("feeds: []\n").config();
        assertThat(config.maxFailures()).isEqualTo(50);
        assertThat(config.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void readsBoth() throws Exception {
        HeraldConfig config = load("defaults:\n  max_failures: 7\nnetwork:\n  max_body_size: 512KiB\n").config();
        assertThat(config.maxFailures()).isEqualTo(7);
        assertThat(config.maxBodyBytes()).isEqualTo(512 * 1024);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0     | the number 0",
        "-3    | the number -3",
        "lots  | the text 'lots'",
        "2.5   | the number 2.5",
    })
    void maxFailuresMustBeAPositiveWholeNumber(String value, String described) {
        assertThat(problems("defaults:\n  max_failures: " + value + "\n")).containsExactly(
                "herald.yml:2: defaults: max_failures must be a whole number from 1 to 100000, not " + described);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10MiB     | 10485760",
        "10 MB     | 10000000",
        "2048      | 2048",
        "1gib      | 1073741824",
    })
    void bodySizesWithUnits(String value, long bytes) throws Exception {
        assertThat(load("network:\n  max_body_size: " + value + "\n").config().maxBodyBytes()).isEqualTo(bytes);
    }

    @Test
    void bodySizeOutOfRangeIsAProblem() {
        assertThat(problems("network:\n  max_body_size: 12\n")).containsExactly("herald.yml:2: network: max_body_size"
                + " must be a size from 1KiB to 1GiB such as 10MiB or 512KiB, not the number 12");
    }
}
