package io.herald.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.XmlReaderException;
import io.herald.model.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses RSS and Atom bytes with ROME. Hardened: external entities and external DTDs are never loaded and
 * entities are not expanded into the tree; DOCTYPEs are allowed (RSS 0.91 needs them) because the JDK parser's
 * entity-expansion limits then stop billion-laughs documents (proven by the tests on the defusedxml samples).
 */
final class XmlFeedDecoder {

    private XmlFeedDecoder() {
    }

    static ParsedFeed parse(String feedId, byte[] body, Optional<String> contentType, Optional<URI> base)
            throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(true);
        input.setPreserveWireFeed(true);
        try (XmlReader reader = reader(body, contentType)) {
            SyndFeed feed = input.build(reader);
            return RomeFeedParser.toModel(feedId, feed, base);
        } catch (IllegalArgumentException e) {
            throw FeedParser.notAFeed(feedId, e);
        } catch (ParsingFeedException e) {
            if (FeedParser.looksLikeHtml(body, contentType)) {
                throw FeedParser.notAFeed(feedId, e);
            }
            if (rootMessage(e).contains("JAXP0001") || rootMessage(e).contains("ecursive entity")) {
                throw new FeedException("feed " + feedId + ": the document's entities exceed the safety limits"
                        + " (entity expansion attack?)", e);
            }
            throw new FeedException("feed " + feedId + ": the document is not well-formed XML" + where(e)
                    + " (" + rootMessage(e) + ")", e);
        } catch (com.rometools.rome.io.FeedException e) {
            throw new FeedException("feed " + feedId + ": cannot read the feed (" + rootMessage(e) + ")", e);
        } catch (IOException e) {
            throw new FeedException("feed " + feedId + ": cannot decode the document's characters ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The HTTP charset wins when there is one (strict mode: ROME's lenient mode would let the XML declaration win);
     * without it the BOM and XML declaration decide (RFC 7303).
     */
    private static XmlReader reader(byte[] body, Optional<String> contentType) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        Optional<String> withCharset = contentType.filter(t -> t.toLowerCase(Locale.ROOT).contains("charset="));
        if (withCharset.isPresent()) {
            try {
                return new XmlReader(in, withCharset.get(), false);
            } catch (XmlReaderException e) {
                // the HTTP charset contradicts a byte-order mark: let the bytes decide
                return new XmlReader(new ByteArrayInputStream(body), true);
            }
        }
        return new XmlReader(in, true);
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
