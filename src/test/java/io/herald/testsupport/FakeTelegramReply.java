package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One HTTP answer of the fake Bot API: status, body and content type. */
record FakeTelegramReply(int status, String body, String contentType) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION_JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";

    /** {@code {"ok":true,"result":...}} */
    static FakeTelegramReply ok(JsonNode result) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("ok", true);
        envelope.set("result", result);
        return new FakeTelegramReply(200, envelope.toString(), APPLICATION_JSON);
    }

    static FakeTelegramReply okTrue() {
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    /** {@code {"ok":false,"error_code":N,"description":"..."}} with the same HTTP status. */
    static FakeTelegramReply error(int code, String description) {
        return new FakeTelegramReply(code, errorEnvelope(code, description).toString(), APPLICATION_JSON);
    }

    static FakeTelegramReply badRequest(String description) {
        return error(400, description.startsWith("Bad Request: ") ? description : "Bad Request: " + description);
    }

    /** 429 with {@code parameters.retry_after}. */
    static FakeTelegramReply tooManyRequests(long retryAfterSeconds) {
        ObjectNode envelope = errorEnvelope(429, "Too Many Requests: retry after " + retryAfterSeconds);
        envelope.putObject("parameters").put("retry_after", retryAfterSeconds);
        return new FakeTelegramReply(429, envelope.toString(), APPLICATION_JSON);
    }

    /** 400 for a group that became a supergroup, with {@code parameters.migrate_to_chat_id}. */
    static FakeTelegramReply migrated(long newChatId) {
        ObjectNode envelope = errorEnvelope(400, "Bad Request: group chat was upgraded to a supergroup chat");
        envelope.putObject("parameters").put("migrate_to_chat_id", newChatId);
        return new FakeTelegramReply(400, envelope.toString(), APPLICATION_JSON);
    }

    /** A file's bytes, as the file download path answers them. */
    static FakeTelegramReply file(byte[] content) {
        return new FakeTelegramReply(200, new String(content, java.nio.charset.StandardCharsets.ISO_8859_1), OCTETS);
    }

    /** The bytes to write for the body. */
    byte[] bytes() {
        return body.getBytes(contentType.equals(OCTETS) ? java.nio.charset.StandardCharsets.ISO_8859_1
                : java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A body that is not the Bot API's JSON, e.g. a proxy's HTML error page. */
    static FakeTelegramReply raw(int status, String body) {
        return new FakeTelegramReply(status, body, "text/html; charset=utf-8");
    }

    private static ObjectNode errorEnvelope(int code, String description) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("ok", false);
        envelope.put("error_code", code);
        envelope.put("description", description);
        return envelope;
    }
}
