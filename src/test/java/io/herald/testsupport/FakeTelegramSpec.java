package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of the Bot API methods the fake implements, copied from the Bot API spec
 * ({@code /work/shared/specs/telegram-bot-api.json}; {@code FakeTelegramSpecTest} checks they still agree), and the
 * required/type checks Telegram applies to them.
 */
final class FakeTelegramSpec {

    /** One method parameter: its name, the spec's type names (any of them is accepted) and whether it is required. */
    record Field(String name, List<String> types, boolean required) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, List<Field>> METHODS = buildMethods();

    private static Map<String, List<Field>> buildMethods() {
        Map<String, List<Field>> methods = new LinkedHashMap<>();
        methods.put("getMe", List.of());
        methods.put("logOut", List.of());
        methods.put("close", List.of());
        methods.put("getWebhookInfo", List.of());
        methods.put("deleteWebhook", List.of(opt("drop_pending_updates", "Boolean")));
        methods.put("getUpdates", List.of(opt("offset", "Integer"), opt("limit", "Integer"),
                opt("timeout", "Integer"), opt("allowed_updates", "Array of String")));
        methods.put("sendMessage", List.of(opt("business_connection_id", "String"),
                req("chat_id", "Integer", "String"), opt("message_thread_id", "Integer"),
                opt("direct_messages_topic_id", "Integer"), req("text", "String"), opt("parse_mode", "String"),
                opt("entities", "Array of MessageEntity"), opt("link_preview_options", "LinkPreviewOptions"),
                opt("disable_notification", "Boolean"), opt("protect_content", "Boolean"),
                opt("allow_paid_broadcast", "Boolean"), opt("message_effect_id", "String"),
                opt("suggested_post_parameters", "SuggestedPostParameters"),
                opt("reply_parameters", "ReplyParameters"), opt("reply_markup", "InlineKeyboardMarkup",
                        "ReplyKeyboardMarkup", "ReplyKeyboardRemove", "ForceReply")));
        methods.put("setMyCommands", List.of(req("commands", "Array of BotCommand"),
                opt("scope", "BotCommandScope"), opt("language_code", "String")));
        methods.put("getMyCommands", List.of(opt("scope", "BotCommandScope"), opt("language_code", "String")));
        methods.put("deleteMyCommands", List.of(opt("scope", "BotCommandScope"), opt("language_code", "String")));
        methods.put("editMessageReplyMarkup", List.of(opt("business_connection_id", "String"),
                opt("chat_id", "Integer", "String"), opt("message_id", "Integer"), opt("inline_message_id", "String"),
                opt("reply_markup", "InlineKeyboardMarkup")));
        methods.put("answerCallbackQuery", List.of(req("callback_query_id", "String"), opt("text", "String"),
                opt("show_alert", "Boolean"), opt("url", "String"), opt("cache_time", "Integer")));
        methods.put("getFile", List.of(req("file_id", "String")));
        methods.put("sendDocument", List.of(opt("business_connection_id", "String"),
                req("chat_id", "Integer", "String"), opt("message_thread_id", "Integer"),
                opt("direct_messages_topic_id", "Integer"), req("document", "InputFile", "String"),
                opt("thumbnail", "InputFile", "String"), opt("caption", "String"), opt("parse_mode", "String"),
                opt("caption_entities", "Array of MessageEntity"), opt("disable_content_type_detection", "Boolean"),
                opt("disable_notification", "Boolean"), opt("protect_content", "Boolean"),
                opt("allow_paid_broadcast", "Boolean"), opt("message_effect_id", "String"),
                opt("suggested_post_parameters", "SuggestedPostParameters"),
                opt("reply_parameters", "ReplyParameters"), opt("reply_markup", "InlineKeyboardMarkup",
                        "ReplyKeyboardMarkup", "ReplyKeyboardRemove", "ForceReply")));
        return Collections.unmodifiableMap(methods);
    }

    private FakeTelegramSpec() {
    }

    /** Method names as the spec spells them, e.g. {@code sendMessage}. */
    static List<String> methodNames() {
        return List.copyOf(METHODS.keySet());
    }

    static List<Field> fields(String method) {
        return METHODS.getOrDefault(method, List.of());
    }

    /** The spec's spelling of a method name that arrived in any case, if the fake implements it. */
    static Optional<String> canonicalName(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return METHODS.keySet().stream().filter(m -> m.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /**
     * Checks required parameters and types; on success replaces JSON-in-a-string values (form bodies) by the parsed
     * JSON so handlers see one shape.
     *
     * @return Telegram's error description when refused
     */
    static Optional<String> validate(String method, ObjectNode params) {
        for (Field field : fields(method)) {
            JsonNode value = params.get(field.name());
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty() && field.required())) {
                if (field.required()) {
                    return Optional.of("Bad Request: parameter \"" + field.name() + "\" is required");
                }
                continue;
            }
            Optional<JsonNode> accepted = field.types().stream()
                    .map(type -> accept(type, value)).flatMap(Optional::stream).findFirst();
            if (accepted.isEmpty()) {
                return Optional.of("Bad Request: parameter \"" + field.name() + "\" must be of type "
                        + String.join(" or ", field.types()));
            }
            params.set(field.name(), accepted.get());
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> accept(String type, JsonNode value) {
        switch (type) {
            case "Integer":
                if (value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d{1,19}"))) {
                    return Optional.of(JSON.getNodeFactory().numberNode(value.asLong()));
                }
                return Optional.empty();
            case "Boolean":
                if (value.isBoolean()) {
                    return Optional.of(value);
                }
                if (value.isTextual() && value.asText().matches("true|false")) {
                    return Optional.of(JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value.asText())));
                }
                return Optional.empty();
            case "String":
                return value.isTextual() ? Optional.of(value) : Optional.empty();
            default:
                return acceptJson(type, value);
        }
    }

    private static Optional<JsonNode> acceptJson(String type, JsonNode value) {
        JsonNode node = value;
        if (value.isTextual()) {
            try {
                node = JSON.readTree(value.asText());
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        boolean array = type.startsWith("Array of ");
        if (node == null || (array ? !node.isArray() : !node.isObject())) {
            return Optional.empty();
        }
        if (type.equals("Array of String")) {
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(node);
    }

    private static Field req(String name, String... types) {
        return new Field(name, List.of(types), true);
    }

    private static Field opt(String name, String... types) {
        return new Field(name, List.of(types), false);
    }
}
