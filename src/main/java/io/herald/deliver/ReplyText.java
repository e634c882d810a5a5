package io.herald.deliver;

import java.util.Objects;
import java.util.Optional;

/**
 * A reply to a command: its plain text and, where the chat transport rendered it in the platform's own markup (e.g.
 * Telegram HTML), that markup. A sender that cannot use the markup sends the plain text.
 */
public record ReplyText(String plain, Optional<String> markup) {
    public ReplyText {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(markup, "markup");
    }

    public static ReplyText plain(String text) {
        return new ReplyText(text, Optional.empty());
    }
}
