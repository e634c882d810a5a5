package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake's own strictness, driven with plain HTTP so nothing of the client library hides a mistake. */
class FakeTelegramServerTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CHAT = 4242;

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTelegramServer fake;

    @BeforeEach
    void start() {
        fake = FakeTelegramServer.start(TOKEN);
        fake.addChat(CHAT);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode call(String method, String json) throws Exception {
        return JSON.readTree(post("/bot" + TOKEN + "/" + method, "application/json", json).body());
    }

    private JsonNode send(String text, String parseMode) throws Exception {
        var body = JSON.createObjectNode().put("chat_id", CHAT).put("text", text);
        if (parseMode != null) {
            body.put("parse_mode", parseMode);
        }
        return call("sendMessage", body.toString());
    }

    @Test
    void answersGetMeWithTheBotUser() throws Exception {
        JsonNode reply = call("getMe", "{}");
        assertThat(reply.path("ok").asBoolean()).isTrue();
        assertThat(reply.path("result").path("id").asLong()).isEqualTo(123456L);
        assertThat(reply.path("result").path("is_bot").asBoolean()).isTrue();
    }

    @Test
    void refusesAWrongTokenWith401() throws Exception {
        HttpResponse<String> response = post("/bot999:other/getMe", "application/json", "{}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("description").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void answersAnUnknownMethodWith404() throws Exception {
        HttpResponse<String> response = post("/bot" + TOKEN + "/sendTelepathy", "application/json", "{}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error_code").asInt()).isEqualTo(404);
    }

    @Test
    void matchesMethodNamesInAnyCase() throws Exception {
        assertThat(call("SENDMESSAGE", "{\"chat_id\":4242,\"text\":\"hi\"}").path("ok").asBoolean()).isTrue();
        assertThat(call("deletewebhook", "{}").path("result").asBoolean()).isTrue();
    }

    @Test
    void acceptsFormBodies() throws Exception {
        HttpResponse<String> response = post("/bot" + TOKEN + "/sendMessage",
                "application/x-www-form-urlencoded", "chat_id=4242&text=caf%C3%A9+%26+co&parse_mode=");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fake.messagesTo(CHAT)).singleElement()
                .satisfies(m -> assertThat(m.plainText()).isEqualTo("café & co"));
    }

    @Test
    void refusesMissingRequiredFields() throws Exception {
        JsonNode reply = call("sendMessage", "{\"chat_id\":4242}");
        assertThat(reply.path("error_code").asInt()).isEqualTo(400);
        assertThat(reply.path("description").asText()).isEqualTo("Bad Request: parameter \"text\" is required");
    }

    @Test
    void refusesWrongTypes() throws Exception {
        assertThat(call("sendMessage", "{\"chat_id\":4242,\"text\":{\"a\":1}}").path("description").asText())
                .contains("\"text\" must be of type String");
        assertThat(call("sendMessage", "{\"chat_id\":true,\"text\":\"x\"}").path("description").asText())
                .contains("\"chat_id\" must be of type Integer or String");
        assertThat(call("getUpdates", "{\"timeout\":\"soon\"}").path("error_code").asInt()).isEqualTo(400);
    }

    @Test
    void refusesUnknownChats() throws Exception {
        JsonNode reply = call("sendMessage", "{\"chat_id\":777,\"text\":\"hi\"}");
        assertThat(reply.path("description").asText()).isEqualTo("Bad Request: chat not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<b>unclosed", "<p>paragraph</p>", "fish & chips", "<b><i>x</b></i>", "a > b",
            "caf&eacute;"})
    void refusesBadHtml(String text) throws Exception {
        JsonNode reply = send(text, "HTML");
        assertThat(reply.path("error_code").asInt()).isEqualTo(400);
        assertThat(reply.path("description").asText()).startsWith("Bad Request: can't parse entities: ");
        assertThat(fake.allMessages()).isEmpty();
    }

    @Test
    void acceptsNestedHtmlAndRecordsThePlainText() throws Exception {
        JsonNode reply = send("<b><a href=\"https://e.org/?a=1&amp;b=2\">T &amp; <i>U</i></a></b>", "HTML");
        assertThat(reply.path("ok").asBoolean()).isTrue();
        assertThat(reply.path("result").path("text").asText()).isEqualTo("T & U");
        assertThat(fake.messagesTo(CHAT)).singleElement().satisfies(m -> {
            assertThat(m.parseMode()).contains("HTML");
            assertThat(m.plainText()).isEqualTo("T & U");
        });
    }

    @Test
    void countsTheLimitAfterEntityParsing() throws Exception {
        assertThat(send("<b>" + "x".repeat(4096) + "</b>", "HTML").path("ok").asBoolean()).isTrue();
        JsonNode tooLong = send("x".repeat(4097), null);
        assertThat(tooLong.path("description").asText()).isEqualTo("Bad Request: message is too long");
        assertThat(send("  ", null).path("description").asText()).isEqualTo("Bad Request: message text is empty");
    }

    @Test
    void refusesCallbackDataOver64Bytes() throws Exception {
        String markup = "{\"inline_keyboard\":[[{\"text\":\"ok\",\"callback_data\":\"%s\"}]]}";
        String ok = "{\"chat_id\":4242,\"text\":\"x\",\"reply_markup\":" + markup.formatted("é".repeat(32)) + "}";
        String tooLong = "{\"chat_id\":4242,\"text\":\"x\",\"reply_markup\":" + markup.formatted("é".repeat(33)) + "}";
        assertThat(call("sendMessage", ok).path("ok").asBoolean()).isTrue();
        assertThat(call("sendMessage", tooLong).path("description").asText()).contains("BUTTON_DATA_INVALID");
        assertThat(fake.messagesTo(CHAT)).singleElement()
                .satisfies(m -> assertThat(m.inlineKeyboard().get(0).get(0).callbackData()).isPresent());
    }

    @Test
    void rateLimitsAChatAfterABurstAndCountsSendsInsideTheWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("m" + i, null).path("ok").asBoolean()).isTrue();
        }
        JsonNode limited = send("m3", null);
        assertThat(limited.path("error_code").asInt()).isEqualTo(429);
        assertThat(limited.path("parameters").path("retry_after").asInt()).isBetween(1, 2);
        assertThat(fake.sendsInsideRetryWindow()).isZero();
        assertThat(send("m4", null).path("error_code").asInt()).isEqualTo(429);
        assertThat(fake.sendsInsideRetryWindow()).isEqualTo(1);
        assertThat(fake.rateLimitedCount()).isEqualTo(2);
        assertThat(fake.rateLimitHits()).extracting(FakeTelegramServer.RateLimitHit::chatId).containsExactly(CHAT, CHAT);
    }

    @Test
    void floodControlThrottlesAChatsNextSendAndOpensItsWindow() throws Exception {
        assertThat(send("before", null).path("ok").asBoolean()).isTrue();
        fake.throttleNext(CHAT, 30);
        JsonNode throttled = send("throttled", null);
        assertThat(throttled.path("error_code").asInt()).isEqualTo(429);
        assertThat(throttled.path("parameters").path("retry_after").asInt()).isEqualTo(30);
        assertThat(fake.throttledSends()).isEqualTo(1);
        assertThat(fake.sendsInsideRetryWindow()).isZero();
        assertThat(send("too soon", null).path("error_code").asInt()).isEqualTo(429);
        assertThat(fake.sendsInsideRetryWindow()).isEqualTo(1);
        assertThat(fake.throttledSends()).as("only the one send was throttled").isEqualTo(1);
        assertThat(fake.rateLimitHits()).extracting(FakeTelegramServer.RateLimitHit::retryAfterSeconds)
                .first().isEqualTo(30L);
    }

    @Test
    void limitsGroupsTo20AMinute() throws Exception {
        fake.rateLimits(new FakeTelegramRateLimits(true, 100, 100, 20));
        fake.addChat(-100L);
        int accepted = 0;
        for (int i = 0; i < 21; i++) {
            if (call("sendMessage", "{\"chat_id\":-100,\"text\":\"m\"}").path("ok").asBoolean()) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(fake.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void simulatesBlockedUsersAndQueuedFailures() throws Exception {
        fake.blockBy(CHAT);
        assertThat(send("x", null).path("description").asText()).isEqualTo("Forbidden: bot was blocked by the user");
        fake.failNext(502, "Bad Gateway");
        assertThat(call("getMe", "{}").path("error_code").asInt()).isEqualTo(502);
        assertThat(call("getMe", "{}").path("ok").asBoolean()).isTrue();
    }

    @Test
    void validatesBotCommands() throws Exception {
        String ok = "{\"commands\":[{\"command\":\"help\",\"description\":\"Show help\"}]}";
        assertThat(call("setMyCommands", ok).path("result").asBoolean()).isTrue();
        assertThat(fake.commands()).containsExactly(new FakeTelegramServer.Command("help", "Show help"));
        String upper = "{\"commands\":[{\"command\":\"Help\",\"description\":\"x\"}]}";
        assertThat(call("setMyCommands", upper).path("error_code").asInt()).isEqualTo(400);
        String empty = "{\"commands\":[{\"command\":\"help\",\"description\":\"\"}]}";
        assertThat(call("setMyCommands", empty).path("error_code").asInt()).isEqualTo(400);
        assertThat(fake.commands()).hasSize(1);
    }

    @Test
    void holdsGetUpdatesUntilAnUpdateArrivesAndHonoursTheOffset() throws Exception {
        CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() -> quietly("{\"timeout\":10}"));
        Thread.sleep(200);
        assertThat(held).isNotDone();
        fake.userSends(CHAT, 7, "/help");
        JsonNode first = held.get(5, TimeUnit.SECONDS);
        long updateId = first.path("result").get(0).path("update_id").asLong();
        assertThat(first.path("result").get(0).path("message").path("text").asText()).isEqualTo("/help");
        assertThat(call("getUpdates", "{\"offset\":" + updateId + "}").path("result")).hasSize(1);
        assertThat(call("getUpdates", "{\"offset\":" + (updateId + 1) + "}").path("result")).isEmpty();
    }

    @Test
    void releasesAHeldGetUpdatesOnClose() throws Exception {
        CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() -> quietly("{\"timeout\":50}"));
        long start = System.nanoTime();
        await(() -> fake.callCount("getUpdates") == 1);
        fake.close();
        held.handle((r, e) -> r).join();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private JsonNode quietly(String body) {
        try {
            return call("getUpdates", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void filesAreServedOnlyThroughGetFileAndDocumentsNeedAnUploadedPart() throws Exception {
        assertThat(call("getFile", "{\"file_id\":\"nope\"}").path("description").asText())
                .isEqualTo("Bad Request: invalid file_id");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl()
                + "/file/bot" + TOKEN + "/documents/file_9.opml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);

        assertThat(call("sendDocument", "{\"chat_id\":" + CHAT + ",\"document\":\"BQunknown\"}")
                .path("description").asText()).isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n" + CHAT
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.opml\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<opml/>\r\n--" + boundary + "--\r\n";
        JsonNode sent = JSON.readTree(post("/bot" + TOKEN + "/sendDocument", "multipart/form-data; boundary=" + boundary,
                multipart).body());
        assertThat(sent.path("ok").asBoolean()).as(sent.toString()).isTrue();
        assertThat(sent.path("result").path("document").path("file_name").asText()).isEqualTo("a.opml");
        assertThat(fake.awaitDocuments(CHAT, 1, java.time.Duration.ofSeconds(1)))
                .extracting(d -> new String(d.content(), java.nio.charset.StandardCharsets.UTF_8)).containsExactly("<opml/>");
    }
}
