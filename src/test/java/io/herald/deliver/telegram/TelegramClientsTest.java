package io.herald.deliver.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramClientsTest {

    @ParameterizedTest
    @CsvSource(value = {
        "'',                         https, api.telegram.org, 443",
        "https://api.telegram.org,   https, api.telegram.org, 443",
        "http://127.0.0.1:8081,      http,  127.0.0.1,        8081",
        "http://localhost/,          http,  localhost,        80",
        "HTTPS://Bot.Example:8443,   https, Bot.Example,      8443"})
    void parsesTheApiUrl(String text, String scheme, String host, int port) {
        TelegramUrl url = TelegramClients.parseUrl(text);
        assertThat(url).isEqualTo(new TelegramUrl(scheme, host, port, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.telegram.org", "api.telegram.org", "http://host/prefix", "http://h?x=1",
            "http://[bad"})
    void refusesApiUrlsItCannotUse(String text) {
        assertThatThrownBy(() -> TelegramClients.parseUrl(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("telegram: TELEGRAM_API_URL");
    }

    @Test
    void waitsLongerThanTheLongPollAndKeepsTheTokenOutOfToString() {
        try (TelegramClients clients = TelegramClients.create("123:secret-token", "http://127.0.0.1:9")) {
            assertThat(clients.http().readTimeoutMillis()).isGreaterThan(50_000);
            assertThat(clients.toString()).doesNotContain("secret");
        }
    }

    @Test
    void refusesAnEmptyToken() {
        assertThatThrownBy(() -> TelegramClients.create(" ", null)).hasMessageContaining("token is empty");
    }
}
