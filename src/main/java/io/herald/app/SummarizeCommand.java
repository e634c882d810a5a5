package io.herald.app;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.summarize.FocusTerms;
import io.herald.summarize.Summarizer;
import io.herald.summarize.article.ArticleExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald summarize}: the summary Herald would send for an article. */
@Command(name = "summarize", description = "Print the alert summary Herald would send for each article.")
final class SummarizeCommand implements Callable<Integer> {

    @Option(names = "--query", paramLabel = "Q", description = "The subscriber's query (validated; focuses the summary).")
    String query;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "400",
            description = "Character budget (default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Option(names = "--allow-private-addresses", description = "Allow article URLs on loopback or private networks.")
    boolean allowPrivate;

    @Parameters(paramLabel = "FILE-OR-URL", arity = "1..*", description = "Article files (text or HTML) or URLs.")
    List<String> inputs;

    @Override
    public Integer call() {
        if (maxChars < 20) {
            throw new UserInputException("summarize: --max-chars must be at least 20, got " + maxChars);
        }
        Optional<Query> parsed = Optional.empty();
        if (query != null) {
            try {
                parsed = Optional.of(Query.parse(query));
            } catch (QueryException e) {
                throw new UserInputException("summarize: bad --query: " + e.getMessage(), e);
            }
        }
        Summarizer summarizer = new Summarizer();
        for (int i = 0; i < inputs.size(); i++) {
            String text = ArticleText.load(inputs.get(i), allowPrivate);
            if (inputs.size() > 1) {
                System.out.println((i == 0 ? "" : "\n") + "== " + inputs.get(i));
            }
            Document document = new Document("", text, "");
            FocusTerms terms = FocusTerms.of(parsed.map(q -> q.explain(document)).orElse(List.of()));
            System.out.println(summarizer.summarize("", text, terms, maxChars));
        }
        return Main.OK;
    }

    /** Reads an article from a file or URL as plain text. */
    static final class ArticleText {
        private ArticleText() {
        }

        static String load(String source, boolean allowPrivate) {
            String lower = source.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return ArticleFetch.fetchText(source, allowPrivate);
            }
            Path file = Path.of(source);
            String raw;
            try {
                raw = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserInputException("summarize: " + source + ": file not found");
            } catch (IOException e) {
                throw new UserInputException("summarize: " + source + ": cannot read it as UTF-8 text");
            }
            return looksLikeHtml(lower, raw) ? htmlToText(raw) : raw;
        }

        static boolean looksLikeHtml(String name, String raw) {
            String head = raw.stripLeading();
            return name.endsWith(".html") || name.endsWith(".htm")
                    || head.regionMatches(true, 0, "<!doctype html", 0, 14) || head.regionMatches(true, 0, "<html", 0, 5);
        }

        /** The article's main text (readability-style); the page's paragraphs when no article stands out. */
        static String htmlToText(String html) {
            return new ArticleExtractor().extract(html).orElseGet(() -> htmlToText(Jsoup.parse(html)));
        }

        static String htmlToText(org.jsoup.nodes.Document doc) {
            doc.select("script, style, nav, header, footer, aside, form").remove();
            StringBuilder sb = new StringBuilder();
            for (var el : doc.select("h1, h2, h3, p, li")) {
                String t = el.text().strip();
                if (!t.isEmpty()) {
                    sb.append(t).append('\n');
                }
            }
            return sb.length() > 0 ? sb.toString() : doc.text();
        }
    }
}
