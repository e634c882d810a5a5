package io.herald.deliver.slack;

/**
 * Slack mrkdwn text helpers: escaping of {@code & < >}, link labels and cutting escaped text to a length limit
 * at a word boundary.
 */
public final class SlackMarkup {

    static final String ELLIPSIS = "…";

    private SlackMarkup() {
    }

    /** Escapes the three characters Slack reserves for its control sequences. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            out.append(escaped(text.charAt(i)));
        }
        return out.toString();
    }

    /**
     * A {@code <url|label>} link. The label is escaped and its {@code |} become {@code ¦} so that it cannot end
     * the link early; in the URL {@code &} is escaped and {@code < > |} and spaces are percent-encoded.
     */
    static String link(String url, String label) {
        String safeUrl = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
                .replace(" ", "%20");
        return "<" + safeUrl + "|" + escape(label.replace('|', '¦')) + ">";
    }

    /**
     * Escapes {@code text} and, when the result is longer than {@code maxChars}, cuts the original text at the
     * last word boundary that fits and ends it with "…". The result never exceeds {@code maxChars}.
     */
    static String escapeWithin(String text, int maxChars) {
        return escape(fit(text, maxChars));
    }

    /**
     * The longest prefix of {@code text}, cut at a word boundary and ended with "…", whose escaped form fits in
     * {@code maxChars}; the whole text when it already fits.
     */
    static String fit(String text, int maxChars) {
        if (escape(text).length() <= maxChars) {
            return text;
        }
        int budget = maxChars - ELLIPSIS.length();
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int width = escaped(text.charAt(end)).length();
            if (used + width > budget) {
                break;
            }
            used += width;
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = lastSpace(text, end);
        String kept = (space > 0 ? text.substring(0, space) : text.substring(0, end)).stripTrailing();
        return trimTrailingPunctuation(kept) + ELLIPSIS;
    }

    private static int lastSpace(String text, int end) {
        if (end < text.length() && Character.isWhitespace(text.charAt(end))) {
            return end;
        }
        for (int i = end - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String trimTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && ",;:-–—".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end).stripTrailing();
    }

    private static String escaped(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> String.valueOf(c);
        };
    }
}
