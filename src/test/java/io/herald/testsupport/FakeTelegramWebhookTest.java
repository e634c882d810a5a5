package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

/** The fake's webhook mode, as strict as the Bot API: what setWebhook takes, 409 on getUpdates, POSTs with the secret. */
class FakeTelegramWebhookTest {
    private static final String TOKEN = "123457:WEBHOOK-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTelegramServer fake;
    private HttpServer receiver;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        fake = FakeTelegramServer.start(TOKEN);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            secrets.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token")));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        fake.close();
    }

    private JsonNode call(String method, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void setWebhookFromTheRealClientThenUpdatesArePostedWithTheSecretAndRetriedUntilTaken() throws Exception {
        OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, io.herald.deliver.telegram.TelegramClients
                .parseUrl(fake.baseUrl()));
        assertThat(client.execute(SetWebhook.builder().url(hook()).secretToken("s3cret_-X")
                .allowedUpdates(List.of("message")).build())).isTrue();
        assertThat(call("getUpdates", "{}").path("error_code").asInt()).isEqualTo(409);
        JsonNode info = call("getWebhookInfo", "{}").path("result");
        assertThat(info.path("url").asText()).isEqualTo(hook());
        assertThat(info.path("allowed_updates").toString()).isEqualTo("[\"message\"]");

        failFirst.set(1);
        fake.userSends(42, 7, "/help");
        List<FakeTelegramServer.WebhookDelivery> deliveries = fake.awaitWebhookDeliveries(1, Duration.ofSeconds(10));
        assertThat(deliveries).extracting(FakeTelegramServer.WebhookDelivery::status).containsExactly(500, 200);
        assertThat(secrets).containsOnly("s3cret_-X");
        assertThat(JSON.readTree(bodies.get(1)).path("message").path("text").asText()).isEqualTo("/help");
        assertThat(call("getWebhookInfo", "{}").path("result").path("last_error_message").asText())
                .contains("500");
        assertThat(call("getWebhookInfo", "{}").path("result").path("pending_update_count").asInt()).isZero();

        assertThat(call("deleteWebhook", "{}").path("ok").asBoolean()).isTrue();
        assertThat(call("getWebhookInfo", "{}").path("result").path("url").asText()).isEmpty();
        fake.userSends(42, 7, "/list");
        assertThat(call("getUpdates", "{}").path("result")).hasSize(1);
    }

    @Test
    void refusesWhatTelegramRefuses() throws Exception {
        assertThat(call("setWebhook", "{\"url\":\"http://bot.example.org/hook\"}").path("description").asText())
                .contains("An HTTPS URL must be provided");
        assertThat(call("setWebhook", "{\"url\":\"" + hook() + "\",\"secret_token\":\"has space\"}")
                .path("description").asText()).contains("secret token contains unallowed characters");
        assertThat(call("setWebhook", "{\"url\":\"" + hook() + "\",\"secret_token\":\"" + "a".repeat(257) + "\"}")
                .path("ok").asBoolean()).isFalse();
        assertThat(call("setWebhook", "{}").path("description").asText()).contains("\"url\" is required");
        assertThat(call("setWebhook", "{\"url\":\"" + hook() + "\",\"max_connections\":\"many\"}")
                .path("description").asText()).contains("must be of type Integer");
        assertThat(call("getWebhookInfo", "{}").path("result").path("url").asText()).isEmpty();
    }
}
