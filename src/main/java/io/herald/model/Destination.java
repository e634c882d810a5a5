package io.herald.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A place alerts go: {@code telegram:<chat id>}, {@code telegram:<chat id>/<topic id>} (a forum topic),
 * {@code slack:<channel id>} or {@code console:}.
 */
public record Destination(Platform platform, String address) {

    public static final Destination CONSOLE = new Destination(Platform.CONSOLE, "");

    public Destination {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(address, "address");
    }

    public static Destination telegram(long chatId) {
        return new Destination(Platform.TELEGRAM, Long.toString(chatId));
    }

    /** A topic of a Telegram forum chat (the topic id is Telegram's {@code message_thread_id}). */
    public static Destination telegram(long chatId, long topicId) {
        return new Destination(Platform.TELEGRAM, chatId + "/" + topicId);
    }

    /**
     * The chat itself: for a forum topic its chat ({@code telegram:-100123/7} → {@code telegram:-100123}), otherwise
     * this destination. Platforms limit messages per chat, whatever the topic.
     */
    public Destination chat() {
        int slash = platform == Platform.TELEGRAM ? address.indexOf('/') : -1;
        return slash < 0 ? this : new Destination(platform, address.substring(0, slash));
    }

    public static Destination slack(String channel) {
        return new Destination(Platform.SLACK, channel);
    }

    /**
     * Parses {@code telegram:-100123}, {@code telegram:-100123/7}, {@code slack:C0123ABCD} or {@code console:}.
     *
     * @throws IllegalArgumentException with a short user-facing message when the text is not a destination
     */
    public static Destination parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("destination is missing");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "destination '" + text + "' must look like telegram:<chat id>, slack:<channel id> or console:");
        }
        String prefix = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String address = text.substring(colon + 1).trim();
        switch (prefix) {
            case "telegram":
                if (!address.matches("-?\\d{1,20}(/\\d{1,10})?")) {
                    throw new IllegalArgumentException("telegram destination needs a numeric chat id (and for a"
                            + " forum topic /<topic id>), got '" + address + "'");
                }
                return new Destination(Platform.TELEGRAM, address);
            case "slack":
                if (!address.matches("[A-Z0-9]{2,20}")) {
                    throw new IllegalArgumentException(
                            "slack destination needs a channel id like C0123ABCD, got '" + address + "'");
                }
                return new Destination(Platform.SLACK, address);
            case "console":
                return CONSOLE;
            default:
                throw new IllegalArgumentException("unknown destination platform '" + prefix
                        + "': use telegram:, slack: or console:");
        }
    }

    @Override
    public String toString() {
        return platform.key() + ":" + address;
    }
}
