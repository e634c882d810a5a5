package io.herald.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * OPML 1.0/2.0 subscription lists, read with the JDK's SAX parser hardened (no DOCTYPE, so no entities and no
 * external DTD; secure processing on) and written as OPML 2.0. Reading keeps each outline's line number so that
 * problems can name it; outlines without {@code xmlUrl} are folders and are walked into.
 */
public final class Opml {
    private Opml() {
    }

    /**
     * One feed outline: its line in the document, {@code xmlUrl}, {@code title} (or {@code text}), {@code htmlUrl}
     * and the Herald feed id it was exported with ({@code herald-id}), if any.
     */
    public record Outline(int line, String xmlUrl, Optional<String> title, Optional<String> htmlUrl,
                          Optional<String> heraldId) {
    }

    /** A feed to write: its id (written as the attribute {@code herald-id}), title and URL. */
    public record Entry(String id, String title, String xmlUrl) {
    }

    /**
     * Every feed outline of the document, in document order.
     *
     * @throws FeedException when the document is not well-formed XML or not OPML, naming the line
     */
    public static List<Outline> read(byte[] document) throws FeedException {
        List<Outline> out = new ArrayList<>();
        boolean[] sawOpml = {false};
        DefaultHandler handler = new DefaultHandler() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String name = qName.toLowerCase(Locale.ROOT);
                if (name.equals("opml")) {
                    sawOpml[0] = true;
                }
                if (!name.equals("outline")) {
                    return;
                }
                Optional<String> xmlUrl = attribute(attributes, "xmlUrl");
                if (xmlUrl.isPresent()) {
                    out.add(new Outline(locator == null ? 0 : locator.getLineNumber(), xmlUrl.get(),
                            attribute(attributes, "title").or(() -> attribute(attributes, "text")),
                            attribute(attributes, "htmlUrl"), attribute(attributes, "herald-id")));
                }
            }
        };
        try {
            parser().parse(new ByteArrayInputStream(document), handler);
        } catch (SAXParseException e) {
            throw new FeedException("opml: line " + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new FeedException("opml: cannot read the document: " + e.getMessage(), e);
        }
        if (!sawOpml[0]) {
            throw new FeedException("opml: the document is not OPML (no <opml> element)");
        }
        return out;
    }

    private static Optional<String> attribute(Attributes attributes, String name) {
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.getQName(i).equalsIgnoreCase(name)) {
                String value = attributes.getValue(i).strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new SAXException("opml: the XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    /** An OPML 2.0 document listing the feeds. */
    public static byte[] write(String title, List<Entry> feeds) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n")
                .append("  <head>\n    <title>").append(escape(title)).append("</title>\n  </head>\n  <body>\n");
        for (Entry e : feeds) {
            String text = e.title().isBlank() ? e.id() : e.title();
            sb.append("    <outline type=\"rss\" text=\"").append(escape(text)).append("\" title=\"")
                    .append(escape(text)).append("\" xmlUrl=\"").append(escape(e.xmlUrl()))
                    .append("\" herald-id=\"").append(escape(e.id())).append("\"/>\n");
        }
        return sb.append("  </body>\n</opml>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
