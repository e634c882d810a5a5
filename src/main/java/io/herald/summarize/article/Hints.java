package io.herald.summarize.article;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** What an element's class and id suggest about it: article prose, or page furniture. */
final class Hints {
    /** Class/id words of navigation, comments, share bars, sidebars, related links, ads and the like. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "nav|menu|footer|header|masthead|comment|disqus|respond|share|sharing|social|related|recommend|"
                    + "more-stories|sidebar|aside|widget|banner|\\bads?\\b|advert|sponsor|promo|outbrain|taboola|"
                    + "cookie|consent|newsletter|subscribe|signup|popup|modal|breadcrumb|pagination|pager|"
                    + "\\btags?\\b|byline|author-bio|skip|caption|credit|toolbar|print|login");
    /** Words that rescue an element from {@link #UNLIKELY}, e.g. {@code article-header} stays a candidate. */
    private static final Pattern MAYBE = Pattern.compile("article|body|column|content|main|story");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|page|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile(
            "nav|menu|footer|comment|share|social|related|recommend|sidebar|widget|banner|\\bads?\\b|advert|"
                    + "sponsor|promo|meta|byline|caption|credit|tags?\\b|subscribe|newsletter|hidden|popup|modal");

    private Hints() {
    }

    /** The element's class and id, lower case. */
    static String of(Element element) {
        return (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
    }

    /** Page furniture by its class or id, unless its name also suggests content. */
    static boolean unlikely(Element element) {
        String hints = of(element);
        return !hints.isBlank() && UNLIKELY.matcher(hints).find() && !MAYBE.matcher(hints).find();
    }

    /** +25 for a content-like class or id, -25 for a furniture-like one (both may apply). */
    static int weight(Element element) {
        int weight = 0;
        for (String part : new String[] {element.className(), element.id()}) {
            String hint = part.toLowerCase(Locale.ROOT);
            if (hint.isBlank()) {
                continue;
            }
            if (NEGATIVE.matcher(hint).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(hint).find()) {
                weight += 25;
            }
        }
        return weight;
    }
}
