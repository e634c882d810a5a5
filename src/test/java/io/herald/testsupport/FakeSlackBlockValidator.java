package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a Block Kit {@code blocks} array the way Slack does for {@code chat.postMessage}: at most 50 blocks of
 * the known layout types, each within its documented limits and without unknown properties.
 * Returns the problems found (empty when the blocks are valid).
 */
public final class FakeSlackBlockValidator {

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_SECTION_FIELDS = 10;
    static final int MAX_FIELD_TEXT = 2000;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int MAX_ACTIONS_ELEMENTS = 25;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_BLOCK_ID = 255;

    private final List<String> problems = new ArrayList<>();

    private FakeSlackBlockValidator() {
    }

    /** Validates a parsed {@code blocks} value. */
    public static List<String> validate(JsonNode blocks) {
        FakeSlackBlockValidator v = new FakeSlackBlockValidator();
        v.checkBlocks(blocks);
        return List.copyOf(v.problems);
    }

    private void checkBlocks(JsonNode blocks) {
        if (blocks == null || !blocks.isArray()) {
            problems.add("blocks must be a JSON array");
            return;
        }
        if (blocks.isEmpty()) {
            problems.add("no more than 50 items allowed, at least 1 required [json-pointer:/blocks]");
        }
        if (blocks.size() > MAX_BLOCKS) {
            problems.add("no more than 50 items allowed [json-pointer:/blocks]");
        }
        for (int i = 0; i < blocks.size(); i++) {
            checkBlock(blocks.get(i), "/blocks/" + i);
        }
    }

    private void checkBlock(JsonNode block, String at) {
        if (!block.isObject() || !block.path("type").isTextual()) {
            problems.add("a block must be an object with a type [json-pointer:" + at + "]");
            return;
        }
        checkOptionalString(block, "block_id", MAX_BLOCK_ID, at);
        switch (block.get("type").asText()) {
            case "section" -> checkSection(block, at);
            case "context" -> checkContext(block, at);
            case "actions" -> checkActions(block, at);
            case "divider" -> allowOnly(block, Set.of("type", "block_id"), at);
            case "header" -> checkHeader(block, at);
            default -> problems.add("unsupported type: " + block.get("type").asText() + " [json-pointer:" + at
                    + "/type]");
        }
    }

    private void checkSection(JsonNode block, String at) {
        allowOnly(block, Set.of("type", "block_id", "text", "fields", "accessory", "expand"), at);
        if (!block.has("text") && !block.has("fields")) {
            problems.add("must provide either text or fields [json-pointer:" + at + "]");
        }
        if (block.has("text")) {
            checkTextObject(block.get("text"), Set.of("mrkdwn", "plain_text"), MAX_SECTION_TEXT, at + "/text");
        }
        if (block.has("fields")) {
            JsonNode fields = block.get("fields");
            if (!fields.isArray() || fields.isEmpty() || fields.size() > MAX_SECTION_FIELDS) {
                problems.add("fields must hold 1 to 10 text objects [json-pointer:" + at + "/fields]");
            } else {
                for (int i = 0; i < fields.size(); i++) {
                    checkTextObject(fields.get(i), Set.of("mrkdwn", "plain_text"), MAX_FIELD_TEXT,
                            at + "/fields/" + i);
                }
            }
        }
        if (block.has("accessory")) {
            checkButton(block.get("accessory"), at + "/accessory");
        }
        if (block.has("expand") && !block.get("expand").isBoolean()) {
            problems.add("expand must be a boolean [json-pointer:" + at + "/expand]");
        }
    }

    private void checkContext(JsonNode block, String at) {
        allowOnly(block, Set.of("type", "block_id", "elements"), at);
        JsonNode elements = block.path("elements");
        if (!elements.isArray() || elements.isEmpty() || elements.size() > MAX_CONTEXT_ELEMENTS) {
            problems.add("context must hold 1 to 10 elements [json-pointer:" + at + "/elements]");
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String where = at + "/elements/" + i;
            if ("image".equals(element.path("type").asText())) {
                allowOnly(element, Set.of("type", "image_url", "alt_text"), where);
                requireString(element, "image_url", 3000, where);
                requireString(element, "alt_text", 2000, where);
            } else {
                checkTextObject(element, Set.of("mrkdwn", "plain_text"), MAX_SECTION_TEXT, where);
            }
        }
    }

    private void checkActions(JsonNode block, String at) {
        allowOnly(block, Set.of("type", "block_id", "elements"), at);
        JsonNode elements = block.path("elements");
        if (!elements.isArray() || elements.isEmpty() || elements.size() > MAX_ACTIONS_ELEMENTS) {
            problems.add("actions must hold 1 to 25 elements [json-pointer:" + at + "/elements]");
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            checkButton(elements.get(i), at + "/elements/" + i);
        }
    }

    private void checkHeader(JsonNode block, String at) {
        allowOnly(block, Set.of("type", "block_id", "text"), at);
        checkTextObject(block.path("text"), Set.of("plain_text"), MAX_HEADER_TEXT, at + "/text");
    }

    private void checkButton(JsonNode element, String at) {
        if (!"button".equals(element.path("type").asText())) {
            problems.add("unsupported element type [json-pointer:" + at + "/type]");
            return;
        }
        allowOnly(element, Set.of("type", "text", "action_id", "url", "value", "style", "accessibility_label"), at);
        checkTextObject(element.path("text"), Set.of("plain_text"), MAX_BUTTON_TEXT, at + "/text");
        checkOptionalString(element, "action_id", 255, at);
        checkOptionalString(element, "url", 3000, at);
        checkOptionalString(element, "value", 2000, at);
        if (element.has("style") && !Set.of("primary", "danger").contains(element.get("style").asText())) {
            problems.add("style must be primary or danger [json-pointer:" + at + "/style]");
        }
    }

    private void checkTextObject(JsonNode text, Set<String> types, int maxLength, String at) {
        if (!text.isObject() || !types.contains(text.path("type").asText())) {
            problems.add("must be a text object of type " + types + " [json-pointer:" + at + "]");
            return;
        }
        boolean markdown = "mrkdwn".equals(text.get("type").asText());
        allowOnly(text, markdown ? Set.of("type", "text", "verbatim") : Set.of("type", "text", "emoji"), at);
        JsonNode value = text.path("text");
        if (!value.isTextual() || value.asText().isEmpty()) {
            problems.add("text must be a non-empty string [json-pointer:" + at + "/text]");
        } else if (value.asText().length() > maxLength) {
            problems.add("must be less than " + (maxLength + 1) + " characters [json-pointer:" + at + "/text]");
        }
    }

    private void requireString(JsonNode node, String field, int maxLength, String at) {
        if (!node.path(field).isTextual()) {
            problems.add(field + " is required [json-pointer:" + at + "/" + field + "]");
        } else {
            checkOptionalString(node, field, maxLength, at);
        }
    }

    private void checkOptionalString(JsonNode node, String field, int maxLength, String at) {
        if (!node.has(field)) {
            return;
        }
        JsonNode value = node.get(field);
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength) {
            problems.add(field + " must be a string of 1 to " + maxLength + " characters [json-pointer:" + at
                    + "/" + field + "]");
        }
    }

    private void allowOnly(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add("unknown property " + name + " [json-pointer:" + at + "/" + name + "]");
            }
        }
    }
}
