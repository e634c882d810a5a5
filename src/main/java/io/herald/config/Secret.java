package io.herald.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token or signing secret. {@link #toString()} is {@code ***}, so a secret that ends up in a log line or an error
 * message by accident shows nothing; only {@link #value()} gives the value, for the one place that sends it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-empty value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    /** The value itself: pass it straight to the client that needs it, never to a log or a message. */
    public String value() {
        return value;
    }

    /** Whether the value starts with {@code prefix} (e.g. {@code xoxb-}), without revealing it. */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // no hint of the value; secrets are never used as map keys in bulk
    }

    @Override
    public String toString() {
        return "***";
    }
}
