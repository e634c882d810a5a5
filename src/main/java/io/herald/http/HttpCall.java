package io.herald.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a route sees it: method, path, headers (names case-insensitive, first value) and the whole
 * body, already read within the server's size and time limits.
 */
public final class HttpCall {
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final byte[] body;

    /** @param headers by lower-case name */
    public HttpCall(String method, String path, Map<String, String> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The first value of the header {@code name} (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public byte[] body() {
        return body.clone();
    }
}
