package io.herald.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Chooses JSON Feed or XML (RSS/Atom) parsing for a document and words the common errors. */
final class FeedParser {
    private final JsonFeedDecoder json = new JsonFeedDecoder();

    /** The feed with its own polling hint. */
    FeedDocument document(String feedId, byte[] body, Optional<String> contentType, Optional<URI> base)
            throws FeedException {
        if (firstSignificantByte(body) < 0) {
            throw new FeedException("feed " + feedId + ": the document is empty");
        }
        if (isJson(body, contentType)) {
            return json.parse(feedId, body, base);
        }
        return XmlFeedDecoder.parse(feedId, body, contentType, base);
    }

    static FeedException notAFeed(String feedId, Throwable cause) {
        return new FeedException("feed " + feedId + ": the document is not an RSS, Atom or JSON feed", cause);
    }

    private static boolean isJson(byte[] body, Optional<String> contentType) {
        int first = firstSignificantByte(body);
        boolean jsonType = contentType.map(t -> t.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
        return first == '{' || (jsonType && first != '<');
    }

    /** True when the document is served or shaped as an HTML page. */
    static boolean looksLikeHtml(byte[] body, Optional<String> contentType) {
        if (contentType.map(t -> t.toLowerCase(Locale.ROOT).contains("html")).orElse(false)) {
            return true;
        }
        int start = Math.max(0, firstSignificantIndex(body));
        String head = new String(body, start, Math.min(512, body.length - start), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html");
    }

    private static int firstSignificantByte(byte[] body) {
        int i = firstSignificantIndex(body);
        return i < 0 ? -1 : body[i] & 0xff;
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte-order mark; -1 when there is none. */
    private static int firstSignificantIndex(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i < body.length ? i : -1;
    }
}
