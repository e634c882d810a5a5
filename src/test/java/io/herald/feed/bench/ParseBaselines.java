package io.herald.feed.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the parse benchmark compares Herald against, on the same bytes: ROME on its own, the way its users read a
 * feed ({@code XmlReader} for the charset, {@code SyndFeedInput} for the feed, no normalisation), and a bare SAX
 * pass that only counts entries (no tree, no mapping: what any XML-based reading costs at least). Each returns
 * {entries, documents refused}. One instance per thread.
 */
final class ParseBaselines {
    private final SyndFeedInput rome = new SyndFeedInput();
    private final SAXParser sax;

    ParseBaselines() throws Exception {
        rome.setAllowDoctypes(true);
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        sax = factory.newSAXParser();
        // the entity limits Herald's own parser uses, so that an expansion attack is refused here too
        sax.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "10000");
        sax.setProperty("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000");
    }

    long[] rome(List<byte[]> docs) {
        long items = 0;
        long refused = 0;
        for (byte[] doc : docs) {
            try (XmlReader in = new XmlReader(new ByteArrayInputStream(doc), true)) {
                items += rome.build(in).getEntries().size();
            } catch (Exception e) {
                refused++;
            }
        }
        return new long[] {items, refused};
    }

    long[] sax(List<byte[]> docs) {
        long[] counts = new long[2];
        DefaultHandler handler = new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes attributes) {
                if (local.equals("item") || local.equals("entry")) {
                    counts[0]++;
                }
            }
        };
        for (byte[] doc : docs) {
            try {
                sax.parse(new InputSource(new ByteArrayInputStream(doc)), handler);
            } catch (Exception e) {
                counts[1]++;
            }
        }
        return counts;
    }
}
