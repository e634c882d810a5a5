package io.herald.summarize.article;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Readability-style scoring: every paragraph of at least {@value #MIN_PARAGRAPH_CHARS} characters gives points (one,
 * plus one per comma, plus one per 100 characters up to three) to its parent, half to its grandparent and a sixth
 * to the next ancestor. Each ancestor starts from a score for its tag and its class/id hints; the final score is
 * scaled down by the share of its text inside links. The best container wins, with those of its siblings that also
 * look like prose.
 */
final class ContentScorer {
    static final int MIN_PARAGRAPH_CHARS = 25;
    private static final String PARAGRAPHS = "p, pre, td, blockquote";
    private static final String BLOCKS = "p, div, section, article, main, pre, table, ul, ol, dl, blockquote, "
            + "h1, h2, h3, h4, h5, h6, figure";
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private final Map<Element, Double> scores = new IdentityHashMap<>();

    /** The elements holding the article, in document order; empty when no paragraph scored. */
    List<Element> content(Document document) {
        for (Element paragraph : paragraphs(document)) {
            String text = paragraph.text();
            if (text.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double points = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = paragraph.parent();
            for (int level = 0; level < 3 && ancestor != null && !ancestor.nameIs("#root"); level++) {
                double share = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.computeIfAbsent(ancestor, ContentScorer::initial);
                scores.merge(ancestor, points / share, Double::sum);
                ancestor = ancestor.parent();
            }
        }
        Optional<Element> top = top();
        return top.map(this::withSiblings).orElse(List.of());
    }

    /** Paragraph tags, plus divs and sections whose children are all inline (text written without {@code <p>}). */
    private static List<Element> paragraphs(Document document) {
        List<Element> out = new ArrayList<>(document.select(PARAGRAPHS));
        for (Element div : document.select("div, section")) {
            if (div.children().select(BLOCKS).isEmpty() && !div.ownText().isBlank()) {
                out.add(div);
            }
        }
        return out;
    }

    private Optional<Element> top() {
        Element best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double score = finalScore(e.getKey());
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private double finalScore(Element element) {
        Double score = scores.get(element);
        return score == null ? 0 : score * (1 - linkDensity(element));
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = finalScore(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top || qualifies(sibling, top, topScore, threshold)) {
                kept.add(sibling);
            }
        }
        return kept;
    }

    private boolean qualifies(Element sibling, Element top, double topScore, double threshold) {
        double bonus = !top.className().isBlank() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
        if (scores.containsKey(sibling) && finalScore(sibling) + bonus >= threshold) {
            return true;
        }
        if (!sibling.nameIs("p")) {
            return false;
        }
        String text = sibling.text();
        double density = linkDensity(sibling);
        return text.length() > 80 ? density < 0.25 : density == 0 && SENTENCE_END.matcher(text).find();
    }

    /** The score an element starts from: its tag (containers up, lists and headings down) and its class/id. */
    private static double initial(Element element) {
        double tag = switch (element.normalName()) {
            case "article" -> 10;
            case "div", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return tag + Hints.weight(element);
    }

    /** The share of an element's text that sits inside links (0 for an element without text). */
    static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int linked = 0;
        for (Element link : element.select("a")) {
            linked += link.text().length();
        }
        return Math.min(1.0, (double) linked / length);
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、') {
                n++;
            }
        }
        return n;
    }
}
