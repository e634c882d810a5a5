package io.herald.feed;

import java.util.Optional;

/** Identity helpers other layers need: the canonical form of an item link, used to recognise the same story. */
public final class ItemKeys {
    private ItemKeys() {
    }

    /**
     * The canonical link (lower-case scheme and host, default port, fragment and {@code utm_*}/{@code fbclid}/
     * {@code gclid} dropped); empty for an empty or non-absolute link.
     */
    public static Optional<String> linkKey(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String canonical = Links.canonical(link.strip());
        return canonical.contains("://") ? Optional.of(canonical) : Optional.empty();
    }
}
