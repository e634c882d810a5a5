package io.herald.app;

import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.summarize.article.ArticleExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.jsoup.Jsoup;

/** Fetches an article page for {@code herald summarize URL} with the feed fetcher's limits and SSRF guard. */
final class ArticleFetch {
    private ArticleFetch() {
    }

    static String fetchText(String url, boolean allowPrivateAddresses) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("summarize: '" + url + "' is not a valid URL");
        }
        try {
            FeedReader.Page page = new FeedReader(FetchPolicy.defaults(allowPrivateAddresses)).fetchPage("article", uri);
            String charset = page.contentType().flatMap(ArticleFetch::charsetOf).orElse(null);
            var doc = Jsoup.parse(new ByteArrayInputStream(page.body()), charset, page.finalUrl().toString());
            String type = page.contentType().orElse("text/html");
            if (!type.contains("html")) {
                return new String(page.body(), charset == null ? "UTF-8" : charset);
            }
            return new ArticleExtractor().extract(page.body(), Optional.ofNullable(charset))
                    .orElseGet(() -> SummarizeCommand.ArticleText.htmlToText(doc));
        } catch (FeedException e) {
            throw new UserInputException(e.getMessage().replaceFirst("^feed article", "summarize"), e);
        } catch (IOException e) {
            throw new UserInputException("summarize: cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<String> charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return java.util.Optional.of(p.substring(8).replace("\"", "").strip());
            }
        }
        return java.util.Optional.empty();
    }
}
