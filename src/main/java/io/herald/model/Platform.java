package io.herald.model;

import java.util.Locale;

/** Where an alert can be delivered. */
public enum Platform {
    TELEGRAM, SLACK, CONSOLE;

    /** The lower-case prefix used in destinations, e.g. {@code telegram}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
