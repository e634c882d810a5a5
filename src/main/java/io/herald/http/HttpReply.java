package io.herald.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: status, content type, body and any extra headers. */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpReply {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static HttpReply json(int status, String json) {
        return text(status, "application/json", json);
    }

    /** A text answer of the given type (UTF-8). */
    public static HttpReply text(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The short JSON error every refusal uses: {@code {"error":"..."}}. */
    public static HttpReply error(int status, String message) {
        return json(status, "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** The same answer with one more header. */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }
}
