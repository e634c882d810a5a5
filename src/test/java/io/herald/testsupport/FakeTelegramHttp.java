package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads Bot API parameters from a request (query string, JSON or form body) and writes replies. */
final class FakeTelegramHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request could not be read as Bot API parameters; the message is Telegram-like. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;

        BadBody(String message) {
            super(message);
        }
    }

    private FakeTelegramHttp() {
    }

    static ObjectNode readParams(HttpExchange exchange) throws IOException, BadBody {
        return readParams(exchange, new java.util.HashMap<>());
    }

    /** As above; the file parts of a multipart/form-data body go to {@code uploads}. */
    static ObjectNode readParams(HttpExchange exchange, java.util.Map<String, FakeTelegramFiles.Upload> uploads)
            throws IOException, BadBody {
        ObjectNode params = JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            putForm(params, query);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            return params;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType.startsWith("application/json")) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                throw new BadBody("Bad Request: can't parse JSON object");
            }
            if (node == null || !node.isObject()) {
                throw new BadBody("Bad Request: JSON body must be an object");
            }
            params.setAll((ObjectNode) node);
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            putForm(params, text);
        } else if (contentType.startsWith("multipart/form-data")) {
            FakeTelegramFiles.readMultipart(body, exchange.getRequestHeaders().getFirst("Content-Type"), params,
                    uploads);
        } else {
            throw new BadBody("Bad Request: unsupported content type " + contentType);
        }
        return params;
    }

    private static void putForm(ObjectNode params, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    static void write(HttpExchange exchange, FakeTelegramReply reply) throws IOException {
        byte[] bytes = reply.bytes();
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
