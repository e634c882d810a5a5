package io.herald.summarize.article;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The text of the chosen containers, one entry per paragraph in document order: innermost text blocks only (so a
 * quote holding paragraphs is read once), headings and link lists left out, boilerplate removed.
 */
final class ParagraphCollector {
    private static final String TEXT_BLOCKS = "p, li, pre, blockquote, dd, td, div, section, article";
    private static final double MAX_LINK_DENSITY = 0.5;

    private ParagraphCollector() {
    }

    static List<String> paragraphs(List<Element> containers) {
        List<String> out = new ArrayList<>();
        for (Element container : containers) {
            for (Element block : container.select(TEXT_BLOCKS)) {
                if (isInnermost(block)) {
                    add(block, out);
                }
            }
        }
        return out;
    }

    private static boolean isInnermost(Element block) {
        for (Element child : block.children()) {
            if (!child.select(TEXT_BLOCKS).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void add(Element block, List<String> out) {
        if (block.nameIs("li") && ContentScorer.linkDensity(block) > 0) {
            return;
        }
        if (ContentScorer.linkDensity(block) > MAX_LINK_DENSITY) {
            return;
        }
        String text = Boilerplate.strip(block.text());
        if (!text.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(text))) {
            out.add(text);
        }
    }
}
