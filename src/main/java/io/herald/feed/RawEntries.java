package io.herald.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Reads from the XML tree what ROME leaves out of its entries: the fallbacks real feeds use for titles (dc:title,
 * media:title), summaries (dc:description, itunes:summary, media:description, a bare summary) and content (xhtml
 * body, fullitem), and what gofeed and feedparser read differently from ROME in RSS (the last of several links; a
 * description and a summary both given).
 */
final class RawEntries {
    private static final Set<String> TITLES = Set.of("title");
    private static final Set<String> SUMMARIES = Set.of("description", "summary", "abstract");
    private static final Set<String> CONTENTS = Set.of("body", "fullitem", "encoded", "content");
    private static final Set<String> AUTHORS = Set.of("creator", "author");
    /** Children whose whitespace-normalised text is read: the rest need none, or only whether they have text. */
    private static final Set<String> NEEDS_TEXT = Set.of("creator", "author", "keywords", "subject", "category",
            "link");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputter XML = new XMLOutputter(Format.getRawFormat());

    /** What one entry element offers besides ROME's reading. */
    record Extras(Optional<String> title, Optional<String> summaryHtml,
            Optional<String> contentHtml, Optional<String> link, List<String> authors, List<String> categories,
            Optional<String> lastOwnLink, List<String> ownSummaries) {
        static final Extras NONE = new Extras(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Optional.empty(), List.of());
    }

    private RawEntries() {
    }

    /** The entry elements (RSS item, Atom entry) in document order. */
    static List<Element> entries(Document document) {
        Element root = document.getRootElement();
        List<Element> out = new ArrayList<>();
        collect(root, out, 0);
        return out;
    }

    private static void collect(Element parent, List<Element> out, int depth) {
        for (Element child : parent.getChildren()) {
            String name = child.getName().toLowerCase(Locale.ROOT);
            if (name.equals("item") || name.equals("entry")) {
                out.add(child);
            } else if (depth < 1 && name.equals("channel")) {
                collect(child, out, depth + 1);
            }
        }
    }

    static Extras extras(Element entry) {
        Optional<String> title = Optional.empty();
        Optional<String> summary = Optional.empty();
        Optional<String> content = Optional.empty();
        Optional<String> link = Optional.empty();
        List<String> authors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        Optional<String> lastOwnLink = Optional.empty();
        List<String> ownSummaries = new ArrayList<>();
        for (Element child : children(entry)) {
            String name = child.getName().toLowerCase(Locale.ROOT);
            String text = NEEDS_TEXT.contains(name) ? child.getTextNormalize() : "";
            if (child.getNamespaceURI().equals(entry.getNamespaceURI())) {
                Optional<String> target = name.equals("link") ? linkOf(child, text) : Optional.empty();
                lastOwnLink = target.isPresent() ? target : lastOwnLink;
                if ((name.equals("description") || name.equals("summary")) && hasText(child.getText())) {
                    ownSummaries.add(child.getText());
                }
            }
            if (AUTHORS.contains(name)) {
                Element personName = child.getChildren().stream().filter(c -> c.getName().equals("name"))
                        .findFirst().orElse(null);
                authors.add(personName != null ? personName.getTextNormalize() : text);
            } else if (name.equals("keywords")) {
                categories.addAll(List.of(text.split("\\s*,\\s*")));
            } else if (name.equals("subject") || name.equals("category")) {
                String term = child.getAttributeValue("term");
                categories.add(term != null && !term.isBlank() ? term : text);
            } else if (name.equals("link") && link.isEmpty()) {
                link = linkOf(child, text);
            } else if (TITLES.contains(name) && title.isEmpty() && hasText(child.getText())) {
                title = Optional.of(child.getText());
            } else if (SUMMARIES.contains(name) && summary.isEmpty() && hasText(child.getText())) {
                summary = Optional.of(child.getText());
            } else if (CONTENTS.contains(name) && content.isEmpty()) {
                content = Optional.of(child.getChildren().isEmpty() ? child.getText() : markup(child))
                        .filter(s -> !s.isBlank());
            }
        }
        return new Extras(title, summary, content, link, authors, categories, lastOwnLink, ownSummaries);
    }

    /** The target of an alternate {@code link} element: its {@code href}, else its text. */
    private static Optional<String> linkOf(Element link, String text) {
        if (!isAlternate(link.getAttributeValue("rel"))) {
            return Optional.empty();
        }
        String href = link.getAttributeValue("href");
        return Optional.ofNullable(href == null || href.isBlank() ? text : href).filter(s -> !s.isBlank());
    }

    /**
     * An RSS channel's link as gofeed reads it: the last of its own {@code link} elements, else an
     * {@code atom:link rel="alternate"} (some feeds give only that).
     */
    static Optional<String> channelLink(Document document) {
        Element root = document.getRootElement();
        Element channel = root.getChildren().stream().filter(c -> c.getName().equalsIgnoreCase("channel"))
                .findFirst().orElse(null);
        if (channel == null) {
            return Optional.empty();
        }
        Optional<String> own = Optional.empty();
        Optional<String> atom = Optional.empty();
        for (Element child : channel.getChildren()) {
            if (!child.getName().equals("link")) {
                continue;
            }
            Optional<String> target = linkOf(child, child.getTextNormalize());
            if (child.getNamespaceURI().equals(channel.getNamespaceURI())) {
                own = target.isPresent() ? target : own;
            } else if (child.getNamespaceURI().equals(ATOM) && atom.isEmpty()
                    && "alternate".equals(child.getAttributeValue("rel"))) {
                atom = target;
            }
        }
        return own.isPresent() ? own : atom;
    }

    /** True when the text has a character other than XML whitespace (what a non-empty normalised text means). */
    private static boolean hasText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlternate(String rel) {
        return rel == null || rel.isBlank() || rel.equals("alternate");
    }

    /** The feed title in any namespace or letter case (dc:title, {@code <TiTlE>}), for when ROME found none. */
    static Optional<String> feedTitle(Document document) {
        Element root = document.getRootElement();
        Element channel = root.getChildren().stream().filter(c -> c.getName().equalsIgnoreCase("channel"))
                .findFirst().orElse(root);
        return channel.getChildren().stream().filter(c -> c.getName().equalsIgnoreCase("title"))
                .map(Element::getText).filter(t -> !t.isBlank()).findFirst();
    }

    /** Direct children plus those of a media:group. */
    private static List<Element> children(Element entry) {
        List<Element> out = new ArrayList<>();
        for (Element child : entry.getChildren()) {
            out.add(child);
            if (child.getName().equalsIgnoreCase("group")) {
                out.addAll(child.getChildren());
            }
        }
        return out;
    }

    private static String markup(Element element) {
        return XML.outputString(element.getContent());
    }
}
