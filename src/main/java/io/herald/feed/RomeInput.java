package io.herald.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;

/**
 * ROME's own hardened XML reading (its SAX builder: no external entities, no external DTDs, entity limits), kept
 * open so that both the {@link SyndFeed} and the XML tree are available: the tree gives the raw values ROME drops
 * (unparsed date strings, Dublin Core and XHTML fallbacks).
 */
final class RomeInput extends WireFeedInput {

    /** A feed and the document it came from. */
    record Built(SyndFeed feed, Document document, EntryDates dates) {
    }

    /** One configured builder per thread: creating the SAX parser costs more than parsing a small feed. */
    private static final ThreadLocal<RomeInput> PER_THREAD = ThreadLocal.withInitial(RomeInput::new);

    /**
     * JDK XML limits far below the defaults (50 million characters of entity text would need far more heap than
     * Herald has): a feed needs a few small entities at most.
     */
    private static final java.util.Map<String, Object> LIMITS = java.util.Map.of(
            "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "10000",
            "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000",
            "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "1000000",
            "http://www.oracle.com/xml/jaxp/properties/maxParameterEntitySizeLimit", "1000000");

    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final java.util.Set<String> ATOM_NAMESPACES = java.util.Set.of("http://www.w3.org/2005/Atom",
            ATOM_03);

    private SAXBuilder builder;
    private final XmlFixer fixer = new XmlFixer();

    private RomeInput() {
        setAllowDoctypes(true);
    }

    /** This thread's input (not shareable between threads). */
    static RomeInput forThisThread() {
        return PER_THREAD.get();
    }

    Built build(String text) throws FeedException {
        Document document;
        try {
            if (builder == null) {
                builder = createSAXBuilder();
                LIMITS.forEach(builder::setProperty);
                // the XML parser has already checked names and characters: JDOM need not check them again
                builder.setJDOMFactory(new org.jdom2.UncheckedJDOMFactory());
            }
            document = builder.build(new StringReader(fixer.fix(text)));
        } catch (org.jdom2.input.JDOMParseException e) {
            throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
        } catch (JDOMException | IOException e) {
            throw new ParsingFeedException("Invalid XML", e);
        }
        wrapAtomEntry(document);
        EntryDates dates = EntryDates.detach(document);
        WireFeed wire;
        try {
            wire = build(document);
        } catch (IllegalArgumentException | FeedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParsingFeedException("Invalid feed structure", e);
        } finally {
            dates.restore();
        }
        SyndFeed feed = new SyndFeedImpl(wire, true);
        if (!dates.isEmpty() && feed.getEntries().size() != RawEntries.entries(document).size()) {
            return new Built(new SyndFeedImpl(build(document), true), document, new EntryDates());
        }
        return new Built(feed, document, dates);
    }

    /** A standalone Atom entry document (RFC 4287 section 4.1.2) becomes a feed holding that one entry. */
    private static void wrapAtomEntry(Document document) {
        Element root = document.getRootElement();
        if (!root.getName().equals("entry") || !ATOM_NAMESPACES.contains(root.getNamespaceURI())) {
            return;
        }
        Element feed = new Element("feed", root.getNamespace());
        if (root.getNamespaceURI().equals(ATOM_03)) {
            feed.setAttribute("version", "0.3");
        }
        feed.addContent(document.detachRootElement());
        document.setRootElement(feed);
    }
}
