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
            putMultipart(params, exchange.getRequestHeaders().getFirst("Content-Type"), text);
        } else {
            throw new BadBody("Bad Request: unsupported content type " + contentType);
        }
        return params;
    }

    /**
     * A {@code multipart/form-data} body of text fields (how the library sends methods that may upload a file, such
     * as {@code setWebhook}). A file part is refused: the fake takes no uploads.
     */
    private static void putMultipart(ObjectNode params, String contentType, String body) throws BadBody {
        java.util.regex.Matcher boundary = java.util.regex.Pattern.compile("(?i)boundary=\"?([^\";]+)\"?")
                .matcher(contentType);
        if (!boundary.find()) {
            throw new BadBody("Bad Request: multipart body without a boundary");
        }
        String delimiter = "--" + boundary.group(1);
        if (!body.startsWith(delimiter)) {
            throw new BadBody("Bad Request: multipart body does not start with its boundary");
        }
        for (String part : body.split(java.util.regex.Pattern.quote(delimiter))) {
            if (part.isEmpty() || part.startsWith("--")) {
                continue;
            }
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                throw new BadBody("Bad Request: malformed multipart part");
            }
            String headers = part.substring(0, split);
            String value = part.substring(split + 4);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?i)name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                throw new BadBody("Bad Request: multipart part without a name");
            }
            if (headers.toLowerCase(Locale.ROOT).contains("filename=")) {
                throw new BadBody("Bad Request: the fake takes no file uploads (" + name.group(1) + ")");
            }
            params.put(name.group(1), value);
        }
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
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
