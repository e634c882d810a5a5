package io.herald.app;

import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static io.herald.app.ServiceUnderTest.worldFeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FakeTelegramServer.WebhookDelivery;
import io.herald.testsupport.FeedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telegram's webhook mode through Herald's real wiring: {@code HERALD_TELEGRAM_WEBHOOK_URL} makes Herald call
 * {@code setWebhook} with a random secret, the strict fake then POSTs updates to {@code /telegram/webhook} on
 * {@code HERALD_HTTP_PORT} (and answers {@code getUpdates} with 409 meanwhile), only requests with the right secret
 * header are taken, an update sent twice is handled once, and a start in polling mode removes the webhook again.
 */
class TelegramWebhookTest {
    private static final String TOKEN = "7000044:webhook-token";
    private static final long CHAT = 5044;
    private static final long USER = 7044;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @AutoClose
    private final FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN);
    @AutoClose
    private final FeedServer feeds = FeedServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void prepareFakes() {
        feeds.publish("/world.xml", "application/rss+xml", HeraldEndToEndTest.rss(HeraldEndToEndTest.item("old",
                "Old story", "https://news.example.org/old", "Old.")));
    }

    @Test
    void updatesArriveByWebhookOnlyWithTheSecretAndOnlyOnce() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/telegram/webhook";
        try (HeraldService herald = start(port, url)) {
            Await.until(WAIT, () -> telegram.webhookUrl().isPresent());
            assertThat(telegram.webhookUrl()).contains(url);
            String secret = telegram.webhookSecret().orElseThrow();
            io.herald.testsupport.TestSecrets.record(secret); // never to be printed either (TokenLeakIT)
            assertThat(secret).matches("[A-Za-z0-9_-]{32,256}");
            assertThat(telegram.webhookAllowedUpdates()).isEqualTo("[\"message\",\"callback_query\"]");
            assertThat(telegram.callCount("getUpdates")).as("no long polling in webhook mode").isZero();

            // a correct update, POSTed by the fake with the secret header, is answered
            telegram.userSends(CHAT, USER, "/subscribe kursk");
            List<SentMessage> replies = telegram.awaitMessages(CHAT, 1, WAIT);
            assertThat(replies).singleElement().satisfies(m -> assertThat(m.plainText()).contains("kursk"));
            List<WebhookDelivery> deliveries = telegram.awaitWebhookDeliveries(1, WAIT);
            long updateId = deliveries.stream().filter(d -> d.status() == 200).findFirst().orElseThrow().updateId();

            // Telegram sends the same update again (an answer came late): 200, and nothing is done twice
            assertThat(telegram.redeliverToWebhook(updateId)).isEqualTo(200);
            assertThat(telegram.webhookDeliveries()).filteredOn(d -> d.updateId() == updateId).hasSize(2);
            telegram.userSends(CHAT, USER, "/list");
            assertThat(telegram.awaitMessages(CHAT, 2, WAIT)).hasSize(2);
            Thread.sleep(300);
            assertThat(telegram.messagesTo(CHAT)).as("one reply to /subscribe, one to /list").hasSize(2);
            assertThat(herald.subscriptions().allFor(io.herald.model.Destination.telegram(CHAT))).hasSize(1);

            // the same update with a wrong secret, or none, is refused
            String update = "{\"update_id\":987654,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":" + CHAT
                    + ",\"type\":\"private\"},\"from\":{\"id\":" + USER + ",\"is_bot\":false,\"first_name\":\"U\"},"
                    + "\"text\":\"/subscribe forged\"}}";
            assertThat(post(port, update, secret + "x").statusCode()).isEqualTo(401);
            assertThat(post(port, update, secret.substring(1)).statusCode()).isEqualTo(401);
            HttpResponse<String> missing = post(port, update, null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.body()).doesNotContain(secret);
            assertThat(post(port, "x".repeat(70 * 1024), secret).statusCode()).as("bounded body").isEqualTo(413);
            assertThat(post(port, "{not json", secret).statusCode()).isEqualTo(400);
            Thread.sleep(300);
            assertThat(telegram.messagesTo(CHAT)).as("forged requests did nothing").hasSize(2);
            assertThat(herald.subscriptions().allFor(io.herald.model.Destination.telegram(CHAT)))
                    .extracting(s -> s.query()).containsExactly("kursk");

            // the same update with the secret is taken once
            assertThat(post(port, update, secret).statusCode()).isEqualTo(200);
            assertThat(post(port, update, secret).statusCode()).isEqualTo(200);
            assertThat(telegram.awaitMessages(CHAT, 3, WAIT)).hasSize(3);
            Thread.sleep(300);
            assertThat(telegram.messagesTo(CHAT)).hasSize(3);

            // the webhook reports into health like the poller
            HttpResponse<String> health = get(port, "/health/ready");
            assertThat(health.body()).contains("\"telegram\":\"connected\"");
        }
        assertThat(telegram.webhookUrl()).as("a stop leaves the webhook set; Telegram keeps updates").isPresent();
        assertThat(telegram.getUpdatesConflicts()).isZero();

        // back to polling: Herald removes the webhook, so getUpdates works again
        try (HeraldService herald = start(freePort(), null)) {
            Await.until(WAIT, () -> telegram.webhookUrl().isEmpty());
            assertThat(telegram.webhookDeletes()).isPositive();
            telegram.userSends(CHAT, USER, "/list");
            assertThat(telegram.awaitMessages(CHAT, 4, WAIT)).hasSize(4);
            assertThat(telegram.callCount("getUpdates")).isPositive();
        }
    }

    @Test
    void plainHttpWebhookOnlyToLoopbackAndOnlyWhenTheConfigAllowsIt() throws Exception {
        Path config = dir.resolve("h.yml");
        Files.writeString(config, "feeds:\n  - id: world\n    url: https://example.org/w.xml\n");
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "HERALD_HTTP_PORT", "8080",
                "HERALD_TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:8080/telegram/webhook");
        io.herald.testsupport.StdStreams std = io.herald.testsupport.StdStreams.capture();
        try {
            assertThat(Main.execute(env, "check-config", "--config", config.toString())).isEqualTo(Main.BAD_INPUT);
            Map<String, String> external = new HashMap<>(env);
            external.put("HERALD_TELEGRAM_WEBHOOK_URL", "http://bot.example.org/telegram/webhook");
            Files.writeString(config, "feeds:\n  - id: world\n    url: https://example.org/w.xml\n"
                    + "network:\n  allow_private_addresses: true\n");
            assertThat(Main.execute(external, "check-config", "--config", config.toString()))
                    .isEqualTo(Main.BAD_INPUT);
            assertThat(Main.execute(env, "check-config", "--config", config.toString())).isZero();
            Map<String, String> noPort = new HashMap<>(env);
            noPort.remove("HERALD_HTTP_PORT");
            assertThat(Main.execute(noPort, "check-config", "--config", config.toString())).isEqualTo(Main.BAD_INPUT);
        } finally {
            std.restore();
        }
        assertThat(std.err()).contains("HERALD_TELEGRAM_WEBHOOK_URL: Telegram posts updates only to an https:// URL")
                .contains("HERALD_TELEGRAM_WEBHOOK_URL: is set but HERALD_HTTP_PORT is not");
    }

    private HeraldService start(int port, String webhookUrl) throws Exception {
        Map<String, String> vars = env(telegramEnv(dir.resolve("herald.db"), TOKEN, telegram),
                Map.of("HERALD_HTTP_PORT", Integer.toString(port)));
        if (webhookUrl != null) {
            vars.put("HERALD_TELEGRAM_WEBHOOK_URL", webhookUrl);
        }
        return ServiceUnderTest.start(dir, worldFeed("", feeds.url("/world.xml")), vars);
    }

    private HttpResponse<String> post(int port, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/telegram/webhook")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
