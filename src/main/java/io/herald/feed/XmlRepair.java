package io.herald.feed;

import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;

/**
 * The lenient second try for documents that are not well-formed XML: jsoup's XML parser (which never reads a DTD
 * or expands a declared entity) rebuilds the tree, closing unclosed elements, decoding HTML named entities and
 * keeping unknown ones as text; DOCTYPEs are dropped. Roots in a namespace no feed parser knows (old Userland RSS,
 * draft Atom namespaces) get the standard one.
 */
final class XmlRepair {
    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final String ATOM_10 = "http://www.w3.org/2005/Atom";

    private static final java.util.Map<String, String> WELL_KNOWN = java.util.Map.of(
            "atom", ATOM_10, "content", "http://purl.org/rss/1.0/modules/content/",
            "dc", "http://purl.org/dc/elements/1.1/", "dcterms", "http://purl.org/dc/terms/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd", "media", "http://search.yahoo.com/mrss/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "xhtml", "http://www.w3.org/1999/xhtml");

    private XmlRepair() {
    }

    /** The repaired document as XML text, or empty when there is no root element to speak of. */
    static Optional<String> repair(String text) {
        Document doc = Jsoup.parse(text, "", Parser.xmlParser());
        for (Node child : doc.childNodes().toArray(new Node[0])) {
            if (child instanceof DocumentType || child instanceof XmlDeclaration) {
                child.remove();
            }
        }
        Element root = doc.children().isEmpty() ? null : doc.child(0);
        if (root == null) {
            return Optional.empty();
        }
        Optional<Element> cdf = cdfAsRss(root);
        if (cdf.isPresent()) {
            root.replaceWith(cdf.get());
            root = cdf.get();
        }
        normaliseNamespace(root);
        declarePrefixes(root);
        addMissingChannel(root);
        for (Element encoded : doc.select("[mode=base64]")) {
            encoded.text(encoded.text().replaceAll("\\s+", ""));
        }
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        return Optional.of(doc.outerHtml());
    }

    /** True when a root element's namespace is one ROME does not know, but its name says what it is. */
    static Optional<String> knownNamespace(String rootName, String version, String namespace) {
        String local = rootName.contains(":") ? rootName.substring(rootName.indexOf(':') + 1) : rootName;
        String lower = local.toLowerCase(Locale.ROOT);
        if (lower.equals("feed") && !namespace.equals(ATOM_10) && !namespace.equals(ATOM_03)) {
            return Optional.of(version.startsWith("0.") ? ATOM_03 : ATOM_10);
        }
        if (lower.equals("rss") && !namespace.isEmpty()) {
            return Optional.of("");
        }
        return Optional.empty();
    }

    /**
     * An RSS document without a channel is an empty feed, not an error; elements left directly under an RSS root
     * (items after a broken channel) move into the channel; an unknown later 2.x version is read as 2.0.
     */
    private static void addMissingChannel(Element root) {
        String name = root.tagName().toLowerCase(Locale.ROOT);
        boolean rss = name.equals("rss") || name.endsWith(":rdf");
        if (!rss) {
            return;
        }
        Element channel = root.children().stream()
                .filter(e -> e.tagName().toLowerCase(Locale.ROOT).endsWith("channel")).findFirst()
                .orElseGet(() -> root.prependElement("channel"));
        if (name.equals("rss")) {
            for (Element child : root.children().toArray(new Element[0])) {
                if (child != channel) {
                    channel.appendChild(child);
                }
            }
        }
        if (name.equals("rss") && root.attr("version").matches("2\\.[1-9].*")) {
            root.attr("version", "2.0");
        }
    }

    /**
     * Microsoft's Channel Definition Format ({@code <CHANNEL HREF>} with {@code TITLE}, {@code ABSTRACT} and
     * {@code ITEM HREF LASTMOD}) rewritten as RSS 2.0.
     */
    private static Optional<Element> cdfAsRss(Element root) {
        if (!root.tagName().equalsIgnoreCase("channel")) {
            return Optional.empty();
        }
        Element rss = new Element("rss").attr("version", "2.0");
        Element channel = rss.appendElement("channel");
        copyCdf(root, channel);
        for (Element item : root.children()) {
            if (item.tagName().equalsIgnoreCase("item")) {
                Element out = channel.appendElement("item");
                copyCdf(item, out);
                if (!item.attr("LASTMOD").isEmpty()) {
                    out.appendElement("pubDate").text(item.attr("LASTMOD"));
                }
            }
        }
        return Optional.of(rss);
    }

    private static void copyCdf(Element from, Element to) {
        for (Element child : from.children()) {
            String tag = child.tagName().toLowerCase(Locale.ROOT);
            if (tag.equals("title")) {
                to.appendElement("title").text(child.text());
            } else if (tag.equals("abstract")) {
                to.appendElement("description").text(child.text());
            }
        }
        if (!from.attr("HREF").isEmpty()) {
            to.appendElement("link").text(from.attr("HREF"));
        }
    }

    /** Prefixes used without a declaration get their well-known namespace (or a placeholder one). */
    private static void declarePrefixes(Element root) {
        for (Element e : root.getAllElements()) {
            declare(root, e.tagName());
            e.attributes().forEach(a -> declare(root, a.getKey()));
        }
    }

    private static void declare(Element root, String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String prefix = qualifiedName.substring(0, colon);
        if (prefix.equals("xmlns") || prefix.equals("xml") || root.hasAttr("xmlns:" + prefix)) {
            return;
        }
        root.attr("xmlns:" + prefix, WELL_KNOWN.getOrDefault(prefix.toLowerCase(Locale.ROOT),
                "urn:x-undeclared:" + prefix));
    }

    private static void normaliseNamespace(Element root) {
        Optional<String> ns = knownNamespace(root.tagName(), root.attr("version"), root.attr("xmlns"));
        if (ns.isEmpty()) {
            return;
        }
        if (ns.get().isEmpty()) {
            root.removeAttr("xmlns");
        } else {
            root.attr("xmlns", ns.get());
        }
    }
}
