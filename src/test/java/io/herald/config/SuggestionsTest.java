package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("feeds", "routes", "admins", "defaults", "network", "interval",
            "allow_private_addresses", "url");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "feed,                    feeds",
        "Feeds,                   feeds",
        "rotues,                  routes",
        "intervall,               interval",
        "admin,                   admins",
        "allow-private-addresses, allow_private_addresses",
        "allow_private_address,   allow_private_addresses",
        "uri,                     url",
        "default,                 defaults",
    })
    void suggestsTheClosestKey(String typo, String expected) {
        assertThat(Suggestions.closest(typo, KEYS)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"timeout", "x", "telegram", "schedule"})
    void suggestsNothingForUnrelatedWords(String word) {
        assertThat(Suggestions.closest(word, KEYS)).isEmpty();
    }
}
