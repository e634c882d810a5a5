package io.herald.chat;

/** What a reply may repeat of the user's input: a short prefix, so that no reply grows with what was typed. */
public final class Quote {
    /** Characters of the user's input a reply repeats at most. */
    public static final int MAX_CHARS = 40;

    private Quote() {
    }

    /** The text, or its first {@value #MAX_CHARS} characters (whole code points) and an ellipsis. */
    public static String prefix(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS)) + "…";
    }
}
