package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Web API call as the fake Slack server understood it: the method name, the bearer token and the arguments,
 * from either a form-encoded or a JSON body.
 */
record FakeSlackRequest(String method, Optional<String> token, Map<String, JsonNode> args) {

    /** Why a body could not be read, as a Slack error code ({@code invalid_post_type}, ...). */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String error) {
            super(error);
        }

        String error() {
            return getMessage();
        }
    }

    static FakeSlackRequest parse(String method, String contentType, String authorization, byte[] body,
            ObjectMapper json) throws BadRequest {
        if (contentType == null || contentType.isBlank()) {
            throw new BadRequest("missing_post_type");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        checkCharset(parts);
        Map<String, JsonNode> args = switch (mediaType) {
            case "application/x-www-form-urlencoded" -> formArgs(new String(body, StandardCharsets.UTF_8));
            case "application/json" -> jsonArgs(body, json);
            default -> throw new BadRequest("invalid_post_type");
        };
        boolean form = mediaType.startsWith("application/x-www-form");
        return new FakeSlackRequest(method, bearer(authorization, form ? args : Map.of()), args);
    }

    /** A string argument, or empty when absent; JSON scalars are turned into their text. */
    Optional<String> text(String name) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    private static void checkCharset(String[] contentTypeParts) throws BadRequest {
        for (int i = 1; i < contentTypeParts.length; i++) {
            String[] kv = contentTypeParts[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].equalsIgnoreCase("charset")
                    && !kv[1].replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new BadRequest("invalid_charset");
            }
        }
    }

    /** The {@code Authorization: Bearer} token, else a {@code token} form argument (never read from JSON). */
    private static Optional<String> bearer(String authorization, Map<String, JsonNode> formArgs) {
        if (authorization != null) {
            String prefix = "Bearer ";
            return authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                    ? Optional.of(authorization.substring(prefix.length()).trim())
                    : Optional.of("");
        }
        JsonNode token = formArgs.get("token");
        return token == null ? Optional.empty() : Optional.of(token.asText());
    }

    private static Map<String, JsonNode> formArgs(String body) throws BadRequest {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return args;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.isEmpty()) {
                    throw new BadRequest("invalid_form_data");
                }
                args.put(name, TextNode.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("invalid_form_data");
            }
        }
        return args;
    }

    private static Map<String, JsonNode> jsonArgs(byte[] body, ObjectMapper json) throws BadRequest {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("invalid_json");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest("invalid_json");
        }
        Map<String, JsonNode> args = new LinkedHashMap<>();
        root.properties().forEach(e -> args.put(e.getKey(), e.getValue()));
        return args;
    }
}
