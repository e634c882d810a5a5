package io.herald.config;

import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code delivery:} section: platform rates, flood window, senders, attempts. */
class DeliveryConfigTest {

    @Test
    void defaultsToThePlatformsLimitsWhenAbsent() throws Exception {
        assertThat(load("feeds: []\n").config().delivery()).isEqualTo(DeliveryConfig.DEFAULTS);
    }

    @Test
    void readsEveryKey() throws Exception {
        DeliveryConfig d = load("""
                delivery:
                  telegram_per_second: 25.5
                  telegram_chat_per_minute: 30
                  telegram_group_per_minute: 10
                  slack_per_second: 2
                  slack_channel_per_minute: 20
                  flood_window: 2m
                  senders: 4
                  max_attempts: 5
                """).config().delivery();
        assertThat(d).isEqualTo(new DeliveryConfig(25.5, 30, 10, 2, 20, Duration.ofMinutes(2), 4, 5));
    }

    @Test
    void floodWindowZeroTurnsFloodDigestsOff() throws Exception {
        assertThat(load("delivery:\n  flood_window: 0\n").config().delivery().floodWindow()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "telegram_per_second: 0       | delivery: telegram_per_second must be a number from 0.1 to 1000, not the number 0",
        "telegram_chat_per_minute: 1.5 | delivery: telegram_chat_per_minute must be a whole number from 1 to 6000, not the number 1.5",
        "telegram_group_per_minute: fast | delivery: telegram_group_per_minute must be a whole number from 1 to 6000, not the text 'fast'",
        "senders: 0                   | delivery: senders must be a whole number from 1 to 64, not the number 0",
        "flood_window: soon           | delivery: bad flood_window: ",
        "telegram_rate: 30            | delivery: unknown key 'telegram_rate'",
    })
    void reportsBadValuesWithTheirLine(String entry, String message) {
        assertThat(problems("delivery:\n  " + entry.strip() + "\n")).singleElement()
                .satisfies(p -> assertThat(p).startsWith("herald.yml:2: " + message));
    }
}
