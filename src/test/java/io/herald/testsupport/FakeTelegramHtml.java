package io.herald.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses Telegram's {@code parse_mode=HTML} the way the Bot API does and returns the plain text, or refuses the text
 * with a "can't parse entities" reason. Strict: only the documented tags, properly nested and closed; outside tags
 * {@code < > &} must be escaped; the only named entities are {@code &lt; &gt; &amp; &quot;}.
 */
final class FakeTelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji");
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");

    /** Why a text was refused; the message is what Telegram puts after "can't parse entities: ". */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message);
        }
    }

    private final String html;
    private final StringBuilder plain = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private int pos;

    private FakeTelegramHtml(String html) {
        this.html = html;
    }

    /** The text a user would see, with tags removed and entities decoded. */
    static String toPlainText(String html) throws ParseError {
        FakeTelegramHtml parser = new FakeTelegramHtml(html);
        parser.parse();
        return parser.plain.toString();
    }

    private void parse() throws ParseError {
        while (pos < html.length()) {
            char c = html.charAt(pos);
            if (c == '<') {
                tag();
            } else if (c == '&') {
                plain.append(entity());
            } else if (c == '>') {
                throw error("Unexpected character '>' at byte offset " + byteOffset(pos) + ": escape it as &gt;");
            } else {
                plain.append(c);
                pos++;
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
    }

    private void tag() throws ParseError {
        int start = pos;
        int end = html.indexOf('>', pos);
        if (end < 0) {
            throw error("Unclosed start tag at byte offset " + byteOffset(start));
        }
        String inside = html.substring(pos + 1, end);
        pos = end + 1;
        if (inside.startsWith("/")) {
            closeTag(inside.substring(1).trim().toLowerCase(Locale.ROOT), start);
            return;
        }
        int nameEnd = 0;
        while (nameEnd < inside.length() && isNameChar(inside.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = inside.substring(0, nameEnd).toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !TAGS.contains(name)) {
            throw error("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(start));
        }
        checkNesting(name, start);
        checkAttributes(name, attributes(inside.substring(nameEnd), start), start);
        open.push(name);
    }

    private void closeTag(String name, int start) throws ParseError {
        if (open.isEmpty()) {
            throw error("Unexpected end tag at byte offset " + byteOffset(start));
        }
        if (!open.peek().equals(name)) {
            throw error("Unmatched end tag at byte offset " + byteOffset(start) + ", expected \"</" + open.peek()
                    + ">\", found \"</" + name + ">\"");
        }
        open.pop();
    }

    private void checkNesting(String name, int start) throws ParseError {
        if (open.contains("code") || (open.contains("pre") && !name.equals("code"))) {
            throw error("Tag \"" + name + "\" can't be nested inside pre or code, at byte offset " + byteOffset(start));
        }
        if (name.equals("a") && open.contains("a")) {
            throw error("Nested links are not allowed, at byte offset " + byteOffset(start));
        }
        if (name.equals("blockquote") && open.contains("blockquote")) {
            throw error("Nested blockquotes are not allowed, at byte offset " + byteOffset(start));
        }
    }

    private static void checkAttributes(String name, Map<String, String> attributes, int start) throws ParseError {
        switch (name) {
            case "a" -> {
                String href = attributes.get("href");
                if (href == null || href.isBlank()) {
                    throw new ParseError("Tag \"a\" must have attribute \"href\"");
                }
            }
            case "span" -> {
                if (!"tg-spoiler".equals(attributes.get("class"))) {
                    throw new ParseError("Tag \"span\" must have class \"tg-spoiler\"");
                }
            }
            case "tg-emoji" -> {
                if (!attributes.getOrDefault("emoji-id", "").matches("\\d+")) {
                    throw new ParseError("Tag \"tg-emoji\" must have a numeric attribute \"emoji-id\"");
                }
            }
            default -> {
                // other tags take no required attribute; unknown attributes are ignored like Telegram does
            }
        }
    }

    private Map<String, String> attributes(String text, int tagStart) throws ParseError {
        Map<String, String> result = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < text.length() && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw error("Invalid attribute in tag at byte offset " + byteOffset(tagStart));
            }
            String attribute = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (i >= text.length() || text.charAt(i) != '=') {
                result.put(attribute, "");
                continue;
            }
            i++;
            int valueEnd;
            String raw;
            if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                valueEnd = text.indexOf(text.charAt(i), i + 1);
                if (valueEnd < 0) {
                    throw error("Unclosed attribute value in tag at byte offset " + byteOffset(tagStart));
                }
                raw = text.substring(i + 1, valueEnd);
                i = valueEnd + 1;
            } else {
                valueEnd = i;
                while (valueEnd < text.length() && !Character.isWhitespace(text.charAt(valueEnd))) {
                    valueEnd++;
                }
                raw = text.substring(i, valueEnd);
                i = valueEnd;
            }
            result.put(attribute, decodeAttribute(raw, tagStart));
        }
        return result;
    }

    private String decodeAttribute(String raw, int tagStart) throws ParseError {
        if (raw.indexOf('<') >= 0) {
            throw error("Character '<' in attribute value at byte offset " + byteOffset(tagStart));
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int amp = raw.indexOf('&', i);
            if (amp < 0) {
                out.append(raw, i, raw.length());
                break;
            }
            out.append(raw, i, amp);
            int semicolon = raw.indexOf(';', amp);
            if (semicolon < 0) {
                throw error("Can't find end of the entity in attribute at byte offset " + byteOffset(tagStart));
            }
            out.append(decodeEntity(raw.substring(amp + 1, semicolon), tagStart));
            i = semicolon + 1;
        }
        return out.toString();
    }

    private String entity() throws ParseError {
        int start = pos;
        int semicolon = html.indexOf(';', pos);
        if (semicolon < 0 || semicolon - pos > 12) {
            throw error("Can't find end of the entity starting at byte offset " + byteOffset(start));
        }
        pos = semicolon + 1;
        return decodeEntity(html.substring(start + 1, semicolon), start);
    }

    private String decodeEntity(String name, int start) throws ParseError {
        if (name.startsWith("#")) {
            return numericEntity(name, start);
        }
        String decoded = NAMED.get(name);
        if (decoded == null) {
            throw error("Unsupported HTML entity \"&" + name + ";\" at byte offset " + byteOffset(start));
        }
        return decoded;
    }

    private String numericEntity(String name, int start) throws ParseError {
        try {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            if (!Character.isValidCodePoint(codePoint) || codePoint == 0
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                throw new NumberFormatException("not a character");
            }
            return new String(Character.toChars(codePoint));
        } catch (NumberFormatException e) {
            throw error("Invalid numeric entity at byte offset " + byteOffset(start));
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private int byteOffset(int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static ParseError error(String message) {
        return new ParseError(message);
    }
}
