package io.herald.feed;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns feed text (HTML or plain) into clean plain text: no tags, entities decoded, whitespace collapsed. */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "section", "article",
            "header", "footer", "figure", "figcaption", "hr", "aside", "nav", "address");

    private PlainText() {
    }

    /** One line: for titles, names and labels. */
    static String line(String html) {
        return collapse(text(html).replace('\n', ' '));
    }

    /** Paragraphs and line breaks kept as single newlines; for summaries and content. */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        }, body);
        return lines(out.toString());
    }

    /** Plain text that is not HTML: only whitespace is normalised (line breaks kept). */
    static String literal(String text) {
        return text == null ? "" : lines(text);
    }

    private static String lines(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n")) {
            String collapsed = collapse(line);
            if (!collapsed.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(collapsed);
            }
        }
        return out.toString();
    }

    private static String collapse(String s) {
        return s.replaceAll("[\\s\\u00a0\\u200b]+", " ").strip();
    }
}
