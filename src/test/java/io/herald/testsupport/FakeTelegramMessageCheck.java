package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testsupport.FakeTelegramServer.Button;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Telegram's checks on a {@code sendMessage} text and inline keyboard. */
final class FakeTelegramMessageCheck {

    static final int MAX_TEXT = 4096;
    static final int MAX_CALLBACK_DATA_BYTES = 64;

    /** A refused message; the message is Telegram's description. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String description) {
            super(description);
        }
    }

    private FakeTelegramMessageCheck() {
    }

    /** The text after entity parsing, as a user sees it. */
    static String plainText(String text, Optional<String> parseMode) throws Refused {
        String plain;
        if (parseMode.isEmpty()) {
            plain = text;
        } else if (parseMode.get().equalsIgnoreCase("HTML")) {
            try {
                plain = FakeTelegramHtml.toPlainText(text);
            } catch (FakeTelegramHtml.ParseError e) {
                throw new Refused("Bad Request: can't parse entities: " + e.getMessage());
            }
        } else {
            throw new Refused("Bad Request: unsupported parse_mode \"" + parseMode.get() + "\" (the fake knows HTML)");
        }
        if (plain.strip().isEmpty()) {
            throw new Refused("Bad Request: message text is empty");
        }
        if (plain.length() > MAX_TEXT) {
            throw new Refused("Bad Request: message is too long");
        }
        return plain;
    }

    /**
     * The {@code link_preview_options} as Telegram reads them (type-checked against the spec's LinkPreviewOptions),
     * {@link FakeTelegramServer.LinkPreview#DEFAULT} when absent.
     */
    static FakeTelegramServer.LinkPreview linkPreview(Optional<JsonNode> options) throws Refused {
        if (options.isEmpty()) {
            return FakeTelegramServer.LinkPreview.DEFAULT;
        }
        JsonNode o = options.get();
        for (String flag : List.of("is_disabled", "prefer_small_media", "prefer_large_media", "show_above_text")) {
            if (o.has(flag) && !o.get(flag).isBoolean()) {
                throw new Refused("Bad Request: field \"" + flag + "\" of LinkPreviewOptions must be a Boolean");
            }
        }
        if (o.has("url") && (!o.get("url").isTextual() || !o.get("url").asText().matches("(?i)https?://\\S+"))) {
            throw new Refused("Bad Request: field \"url\" of LinkPreviewOptions must be an http(s) URL");
        }
        return new FakeTelegramServer.LinkPreview(o.path("is_disabled").asBoolean(false),
                Optional.ofNullable(o.get("url")).map(JsonNode::asText), o.path("prefer_small_media").asBoolean(false),
                o.path("prefer_large_media").asBoolean(false), o.path("show_above_text").asBoolean(false));
    }

    /** The inline keyboard rows, empty when the markup is absent or not an inline keyboard. */
    static List<List<Button>> inlineKeyboard(Optional<JsonNode> markup) throws Refused {
        if (markup.isEmpty() || !markup.get().has("inline_keyboard")) {
            return List.of();
        }
        JsonNode rows = markup.get().get("inline_keyboard");
        if (!rows.isArray()) {
            throw new Refused("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }
        List<List<Button>> keyboard = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw new Refused("Bad Request: can't parse inline keyboard button: row must be an Array");
            }
            List<Button> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(button(button));
            }
            keyboard.add(List.copyOf(buttons));
        }
        return List.copyOf(keyboard);
    }

    private static Button button(JsonNode node) throws Refused {
        if (!node.isObject() || !node.path("text").isTextual() || node.path("text").asText().isEmpty()) {
            throw new Refused("Bad Request: can't parse inline keyboard button: Text is empty");
        }
        Optional<String> data = Optional.ofNullable(node.get("callback_data")).map(JsonNode::asText);
        Optional<String> url = Optional.ofNullable(node.get("url")).map(JsonNode::asText);
        if (data.isPresent()) {
            int bytes = data.get().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                throw new Refused("Bad Request: BUTTON_DATA_INVALID");
            }
        }
        if (url.isPresent() && !url.get().matches("(?i)(https?|tg)://\\S+")) {
            throw new Refused("Bad Request: BUTTON_URL_INVALID");
        }
        boolean hasOtherAction = node.has("web_app") || node.has("login_url") || node.has("switch_inline_query")
                || node.has("switch_inline_query_current_chat") || node.has("switch_inline_query_chosen_chat")
                || node.has("copy_text") || node.has("callback_game") || node.has("pay");
        if (data.isEmpty() && url.isEmpty() && !hasOtherAction) {
            throw new Refused("Bad Request: can't parse inline keyboard button: InlineKeyboardButton must have "
                    + "exactly one of the optional fields");
        }
        return new Button(node.get("text").asText(), data, url);
    }
}
