package io.herald.deliver.telegram;

import io.herald.deliver.AlertLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers for Telegram messages: cleaning, HTML escaping, shortening and splitting at readable boundaries. */
public final class TelegramText {

    /** Appended to shortened text. */
    public static final String ELLIPSIS = "…";

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？](?=\\s)");

    private TelegramText() {
    }

    /** Escapes text for HTML parse mode: {@code & < >}. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escapes an attribute value: {@code & < > "}. */
    public static String escapeAttribute(String text) {
        return escape(text).replace("\"", "&quot;");
    }

    /** Reverses {@link #escapeAttribute}. */
    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** The cleaning every alert gets ({@link AlertLayout#clean}): controls, lone surrogates, bidi overrides. */
    public static String clean(String text) {
        return AlertLayout.clean(text);
    }

    /** Collapses all whitespace runs, newlines included, to single spaces and strips the ends. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Shortens text to at most {@code max} UTF-16 units, ending with "…": at the last sentence end in the second
     * half of the allowance, else at the last space, else between characters (never inside a surrogate pair).
     */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, max));
        }
        int limit = safeCut(text, max - ELLIPSIS.length() - 1);
        String head = text.substring(0, limit);
        int sentence = lastSentenceEnd(head);
        if (sentence >= limit / 2) {
            return head.substring(0, sentence) + " " + ELLIPSIS;
        }
        int space = lastWhitespace(head);
        if (space >= limit / 2) {
            return head.substring(0, space).stripTrailing() + ELLIPSIS;
        }
        return head + ELLIPSIS;
    }

    /**
     * Splits plain text into parts of at most {@code max} UTF-16 units, preferring line ends, then spaces.
     * Blank input gives an empty list.
     */
    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = safeCut(rest, max);
            int newline = rest.lastIndexOf('\n', cut);
            int space = lastWhitespace(rest.substring(0, cut));
            int at = newline >= max / 2 ? newline : space >= max / 2 ? space : cut;
            parts.add(rest.substring(0, at).stripTrailing());
            rest = rest.substring(at).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int safeCut(String text, int index) {
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1)) ? index - 1 : index;
    }

    private static int lastSentenceEnd(String text) {
        Matcher matcher = SENTENCE_END.matcher(text);
        int end = -1;
        while (matcher.find()) {
            end = matcher.end();
        }
        return end;
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
