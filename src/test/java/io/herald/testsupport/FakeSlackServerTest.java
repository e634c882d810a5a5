package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeSlackServerTest {

    private static final String TOKEN = "xoxb-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeSlackServer slack;

    @BeforeEach
    void start() {
        slack = FakeSlackServer.start(TOKEN).addChannel("C1").addChannel("C2").archive("CARCH").notMember("COUT");
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void apiUrlIsLoopbackAndEndsWithSlash() {
        assertThat(slack.apiUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/");
    }

    @Test
    void authTestAnswersWithTheConfiguredToken() throws Exception {
        JsonNode answer = form("auth.test", TOKEN, Map.of()).json();
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("user_id").asText()).isNotEmpty();
    }

    @Test
    void refusesMissingAndWrongTokens() throws Exception {
        assertThat(form("auth.test", null, Map.of()).error()).isEqualTo("not_authed");
        assertThat(form("auth.test", "xoxb-other", Map.of()).error()).isEqualTo("invalid_auth");
        assertThat(form("chat.postMessage", "xoxb-other", Map.of("channel", "C1", "text", "hi")).error())
                .isEqualTo("invalid_auth");
        assertThat(slack.allMessages()).isEmpty();
    }

    @Test
    void acceptsTheTokenAsAFormArgumentToo() throws Exception {
        assertThat(form("auth.test", null, Map.of("token", TOKEN)).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void ignoresATokenInsideAJsonBody() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "auth.test"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + TOKEN + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(new Answer(response).error()).isEqualTo("not_authed");
    }

    @Test
    void refusesUnknownMethods() throws Exception {
        assertThat(form("chat.postMessages", TOKEN, Map.of()).error()).isEqualTo("unknown_method");
    }

    @Test
    void refusesBodiesThatAreNeitherFormNorJson() throws Exception {
        assertThat(raw("chat.postMessage", "text/plain", "channel=C1&text=hi").error())
                .isEqualTo("invalid_post_type");
        assertThat(raw("chat.postMessage", null, "channel=C1&text=hi").error()).isEqualTo("missing_post_type");
        assertThat(raw("chat.postMessage", "application/json", "{not json").error()).isEqualTo("invalid_json");
        assertThat(raw("chat.postMessage", "application/x-www-form-urlencoded; charset=iso-8859-1",
                "channel=C1&text=hi").error()).isEqualTo("invalid_charset");
    }

    @Test
    void refusesOtherHttpMethods() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "auth.test"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void storesAFormPostedMessageWithItsBlocks() throws Exception {
        String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*hello* world\"}}]";
        Answer answer = form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "hello", "blocks", blocks));

        assertThat(answer.json().path("ok").asBoolean()).isTrue();
        assertThat(answer.json().path("ts").asText()).matches("\\d+\\.\\d{6}");
        FakeSlackServer.PostedMessage message = slack.messagesTo("C1").get(0);
        assertThat(message.text()).isEqualTo("hello");
        assertThat(message.blocks().get(0).path("type").asText()).isEqualTo("section");
        assertThat(message.allText()).isEqualTo("hello\n*hello* world");
        assertThat(slack.messagesTo("C2")).isEmpty();
    }

    @Test
    void storesAJsonPostedMessage() throws Exception {
        String body = "{\"channel\":\"C2\",\"blocks\":[{\"type\":\"divider\"},"
                + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Head\"}}]}";
        assertThat(raw("chat.postMessage", "application/json; charset=utf-8", body).json().path("ok").asBoolean())
                .isTrue();
        assertThat(slack.messagesTo("C2")).singleElement()
                .satisfies(m -> assertThat(m.allText()).isEqualTo("\nHead"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', channel_not_found",
            "CNOPE, channel_not_found",
            "CARCH, is_archived",
            "COUT, not_in_channel"})
    void refusesChannelsTheBotCannotPostTo(String channel, String error) throws Exception {
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", channel, "text", "hi")).error())
                .isEqualTo(error);
    }

    @Test
    void refusesMessagesWithoutTextOrBlocks() throws Exception {
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C1")).error()).isEqualTo("no_text");
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "  ")).error())
                .isEqualTo("no_text");
    }

    @Test
    void refusesTextAboveFortyThousandCharacters() throws Exception {
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "x".repeat(40_001))).error())
                .isEqualTo("msg_too_long");
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "x".repeat(40_000)))
                .json().path("ok").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json | [{",
            "not an array | {\"type\":\"divider\"}",
            "empty array | []",
            "unknown block type | [{\"type\":\"carousel\"}]",
            "block without type | [{\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]",
            "unknown property | [{\"type\":\"divider\",\"colour\":\"red\"}]",
            "section without text | [{\"type\":\"section\"}]",
            "section with empty text | [{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"\"}}]",
            "section with bad text type | [{\"type\":\"section\",\"text\":{\"type\":\"html\",\"text\":\"x\"}}]",
            "header in mrkdwn | [{\"type\":\"header\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]",
            "context without elements | [{\"type\":\"context\",\"elements\":[]}]",
            "button with mrkdwn | [{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]}]",
            "unknown action element | [{\"type\":\"actions\",\"elements\":[{\"type\":\"datepicker\"}]}]"})
    void refusesMalformedBlocks(String description, String blocks) throws Exception {
        Answer answer = form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "t", "blocks", blocks));
        assertThat(answer.error()).as(description).isEqualTo("invalid_blocks");
        assertThat(slack.allMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} fits, {2} does not")
    @CsvSource({
            "section text, 3000, 3001",
            "header text, 150, 151",
            "button text, 75, 76",
            "context elements, 10, 11",
            "blocks, 50, 51"})
    void enforcesBlockLimitsExactly(String what, int fits, int tooMany) throws Exception {
        slack.rateLimit(100, Duration.ofMillis(10));
        Answer ok = form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "t", "blocks",
                blocksWith(what, fits)));
        Answer refused = form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "t", "blocks",
                blocksWith(what, tooMany)));
        assertThat(ok.json().path("ok").asBoolean()).as(ok.json().toString()).isTrue();
        assertThat(refused.error()).isEqualTo("invalid_blocks");
        assertThat(refused.json().path("errors").toString()).contains("json-pointer");
    }

    @Test
    void rateLimitsEachChannelWithRetryAfter() throws Exception {
        slack.rateLimit(2, Duration.ofSeconds(30));
        Map<String, String> post = Map.of("channel", "C1", "text", "hi");
        assertThat(form("chat.postMessage", TOKEN, post).status()).isEqualTo(200);
        assertThat(form("chat.postMessage", TOKEN, post).status()).isEqualTo(200);

        Answer limited = form("chat.postMessage", TOKEN, post);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo("30");
        assertThat(limited.error()).isEqualTo("ratelimited");
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C2", "text", "hi")).status()).isEqualTo(200);
        assertThat(slack.rateLimitedCount()).isEqualTo(1);
        assertThat(slack.messagesTo("C1")).hasSize(2);
    }

    @Test
    void rateLimitRefillsOverTime() throws Exception {
        slack.rateLimit(1, Duration.ofMillis(200));
        Map<String, String> post = Map.of("channel", "C1", "text", "hi");
        assertThat(form("chat.postMessage", TOKEN, post).status()).isEqualTo(200);
        assertThat(form("chat.postMessage", TOKEN, post).status()).isEqualTo(429);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            Thread.sleep(50);
            status = form("chat.postMessage", TOKEN, post).status();
        } while (status == 429 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    @Test
    void failNextAnswersOneRequestWithTheStatus() throws Exception {
        slack.failNext(503);
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "hi")).status())
                .isEqualTo(503);
        assertThat(form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "hi")).status())
                .isEqualTo(200);
        assertThat(slack.messagesTo("C1")).hasSize(1);
    }

    @Test
    void awaitMessagesReturnsOnceEnoughArrived() throws Exception {
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(100);
                form("chat.postMessage", TOKEN, Map.of("channel", "C1", "text", "late"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slack.awaitMessages("C1", 1, Duration.ofSeconds(5))).extracting(m -> m.text())
                .containsExactly("late");
        later.join();
    }

    @Test
    void awaitMessagesFailsAfterTheTimeout() {
        assertThatThrownBy(() -> slack.awaitMessages("C1", 1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("got 0");
    }

    private static String blocksWith(String what, int n) {
        String text = "{\"type\":\"plain_text\",\"text\":\"%s\"}";
        return switch (what) {
            case "section text" -> "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\""
                    + "a".repeat(n) + "\"}}]";
            case "header text" -> "[{\"type\":\"header\",\"text\":" + text.formatted("h".repeat(n)) + "}]";
            case "button text" -> "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"a\","
                    + "\"text\":" + text.formatted("b".repeat(n)) + "}]}]";
            case "context elements" -> "[{\"type\":\"context\",\"elements\":["
                    + IntStream.range(0, n).mapToObj(i -> "{\"type\":\"mrkdwn\",\"text\":\"e" + i + "\"}")
                            .collect(Collectors.joining(",")) + "]}]";
            case "blocks" -> IntStream.range(0, n).mapToObj(i -> "{\"type\":\"divider\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            default -> throw new IllegalArgumentException(what);
        };
    }

    private Answer form(String method, String token, Map<String, String> args) throws IOException,
            InterruptedException {
        String body = new LinkedHashMap<>(args).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Answer raw(String method, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private record Answer(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String retryAfter() {
            return response.headers().firstValue("Retry-After").orElse("");
        }

        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
        }

        String error() throws IOException {
            return json().path("error").asText();
        }
    }
}
