package io.herald.summarize.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Removes what can never be article prose: scripts, forms, navigation, and elements named like page furniture. */
final class DomCleaner {
    private static final String JUNK = "script, style, noscript, template, iframe, object, embed, svg, canvas, form, "
            + "button, input, select, textarea, nav, aside, footer, figcaption, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [role=dialog]";
    /** Elements kept even when their class or id looks like furniture (the page itself, the article element). */
    private static final Set<String> NEVER_UNLIKELY = Set.of("html", "body", "article", "main", "a");

    private DomCleaner() {
    }

    static void clean(Document document) {
        document.select(JUNK).remove();
        document.select("header").stream().filter(h -> h.parents().stream()
                .noneMatch(p -> p.nameIs("article") || p.nameIs("main"))).forEach(Element::remove);
        List<Element> unlikely = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            if (!NEVER_UNLIKELY.contains(element.normalName()) && Hints.unlikely(element)) {
                unlikely.add(element);
            }
        }
        unlikely.forEach(Element::remove);
    }
}
