package io.herald.summarize.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main text of an article page, readability-style: scripts, forms, navigation and elements whose class or
 * id names page furniture (comments, share bars, sidebars, related links) are removed; paragraphs score their
 * containers by length and commas, class/id hints move scores up or down, link-heavy containers lose; the best
 * container and its prose-like siblings give the text, without boilerplate such as "Read more", share prompts,
 * image credits or "The post ... appeared first on ...". Pure and thread-safe.
 */
public final class ArticleExtractor {
    /** Below this many characters a page is taken to have no article text (an index page, a paywall, an error). */
    public static final int MIN_ARTICLE_CHARS = 200;

    /**
     * The article text of an HTML page, paragraphs separated by a blank line.
     *
     * @return empty when the page holds no article of at least {@value #MIN_ARTICLE_CHARS} characters
     */
    public Optional<String> extract(String html) {
        return extract(Jsoup.parse(html == null ? "" : html));
    }

    /**
     * Like {@link #extract(String)} for the raw bytes of a page: the charset is {@code charset} when given, else
     * the byte-order mark or the page's {@code <meta charset>}, else UTF-8.
     */
    public Optional<String> extract(byte[] html, Optional<String> charset) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), supported(charset), ""));
        } catch (IOException e) {
            throw new UncheckedIOException("article: cannot decode the page: " + e.getMessage(), e);
        }
    }

    /** The charset name when the JDK knows it; else null, so that the page's own declaration decides. */
    private static String supported(Optional<String> charset) {
        try {
            return charset.filter(Charset::isSupported).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Optional<String> extract(Document document) {
        DomCleaner.clean(document);
        List<Element> content = new ContentScorer().content(document);
        String text = String.join("\n\n", ParagraphCollector.paragraphs(content));
        return text.length() >= MIN_ARTICLE_CHARS ? Optional.of(text) : Optional.empty();
    }
}
