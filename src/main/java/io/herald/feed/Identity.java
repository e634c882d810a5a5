package io.herald.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The stable identity of an item: its guid/id, else its canonical link, else a hash of its text. */
final class Identity {

    private Identity() {
    }

    /**
     * @param guid    the guid (RSS), id (Atom, JSON Feed) when the feed gives one
     * @param link    the absolute item link, possibly empty
     * @param title   plain-text title
     * @param summary plain-text summary
     */
    static String of(Optional<String> guid, String link, String title, String summary) {
        Optional<String> id = guid.map(String::strip).filter(s -> !s.isEmpty());
        if (id.isPresent()) {
            return id.get();
        }
        if (!link.isBlank()) {
            return Links.canonical(link);
        }
        return sha256Hex(title + "\n" + summary);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
