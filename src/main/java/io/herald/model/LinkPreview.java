package io.herald.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an alert shows its article's link preview, where the platform draws one (Telegram). */
public enum LinkPreview {
    /** The article's preview large, above the text (the default). */
    LARGE,
    /** A small preview beside the text. */
    SMALL,
    /** No preview. */
    NONE;

    /** What an alert gets when neither its route nor its chat chose. */
    public static final LinkPreview DEFAULT = LARGE;

    /** The lower-case word used in config and chat commands, e.g. {@code large}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code large}, {@code small} or {@code none} in any case; empty for anything else. */
    public static Optional<LinkPreview> parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key().equals(wanted)).findFirst();
    }
}
