package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The answers of the fake Slack server: Web API envelopes and injected HTTP failures. */
final class FakeSlackResponses {

    private final ObjectMapper json;

    FakeSlackResponses(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode error(String code) {
        return json.createObjectNode().put("ok", false).put("error", code);
    }

    ObjectNode authTest() {
        return json.createObjectNode().put("ok", true).put("url", "https://herald-test.slack.com/")
                .put("team", "Herald Test").put("user", "herald").put("team_id", "T0FAKETEAM")
                .put("user_id", "U0FAKEBOT").put("bot_id", "B0FAKEBOT");
    }

    ObjectNode posted(FakeSlackServer.PostedMessage message) {
        ObjectNode answer = json.createObjectNode().put("ok", true).put("channel", message.channel())
                .put("ts", message.ts());
        ObjectNode body = answer.putObject("message").put("type", "message").put("subtype", "bot_message")
                .put("text", message.text()).put("ts", message.ts()).put("bot_id", "B0FAKEBOT");
        if (!message.blocks().isEmpty()) {
            body.set("blocks", message.blocks());
        }
        return answer;
    }

    /** 429 with {@code Retry-After: 1}, an HTML page for 5xx, else a JSON error with that status. */
    void failure(HttpExchange exchange, int status) throws IOException {
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            json(exchange, status, error("ratelimited"));
        } else if (status >= 500) {
            raw(exchange, status, "text/html", "<html><body><h1>" + status + " Server Error</h1></body></html>");
        } else {
            json(exchange, status, error("http_" + status));
        }
    }

    void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        raw(exchange, status, "application/json; charset=utf-8", json.writeValueAsString(body));
    }

    static void raw(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
