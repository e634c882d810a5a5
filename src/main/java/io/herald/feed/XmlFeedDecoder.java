package io.herald.feed;

import com.rometools.rome.io.ParsingFeedException;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.util.Optional;

/**
 * Parses RSS and Atom bytes with ROME. The characters are decoded first by {@link XmlCharset}. Hardened: external
 * entities and external DTDs are never loaded and entities are not expanded into the tree; DOCTYPEs are allowed
 * (RSS 0.91 needs them) because the JDK parser's entity-expansion limits then stop billion-laughs documents.
 * A document that is not well-formed gets one lenient second try through {@link XmlRepair}, except when it broke
 * the entity limits.
 */
final class XmlFeedDecoder {

    private XmlFeedDecoder() {
    }

    static FeedDocument parse(String feedId, byte[] body, Optional<String> contentType, Optional<URI> base)
            throws FeedException {
        String text = XmlCharset.decode(body, contentType).text();
        try {
            return document(feedId, build(text), base);
        } catch (IllegalArgumentException e) {
            if (FeedParser.looksLikeHtml(body, contentType)) {
                throw FeedParser.notAFeed(feedId, e);
            }
            return lenient(feedId, text, base).orElseThrow(() -> FeedParser.notAFeed(feedId, e));
        } catch (ParsingFeedException e) {
            if (FeedParser.looksLikeHtml(body, contentType)) {
                throw FeedParser.notAFeed(feedId, e);
            }
            if (rootMessage(e).contains("JAXP0001") || rootMessage(e).contains("ecursive entity")) {
                throw new FeedException("feed " + feedId + ": the document's entities exceed the safety limits"
                        + " (entity expansion attack?)", e);
            }
            return lenient(feedId, text, base).orElseThrow(() -> new FeedException("feed " + feedId
                    + ": the document is not well-formed XML" + where(e) + " (" + rootMessage(e) + ")", e));
        } catch (com.rometools.rome.io.FeedException e) {
            throw new FeedException("feed " + feedId + ": cannot read the feed (" + rootMessage(e) + ")", e);
        }
    }

    private static RomeInput.Built build(String text) throws com.rometools.rome.io.FeedException {
        return RomeInput.forThisThread().build(text);
    }

    private static FeedDocument document(String feedId, RomeInput.Built built, Optional<URI> base) {
        return new FeedDocument(RomeFeedParser.toModel(feedId, built, base), RomeFeedParser.ttl(built),
                built.dates().unreadable());
    }

    private static Optional<FeedDocument> lenient(String feedId, String text, Optional<URI> base) {
        try {
            Optional<String> repaired = XmlRepair.repair(text);
            if (repaired.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(document(feedId, build(repaired.get()), base));
        } catch (com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String where(ParsingFeedException e) {
        return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
