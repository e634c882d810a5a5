package io.herald.match.index.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.match.index.bench.Workload.Article;
import io.herald.match.index.bench.Workload.Subscription;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes one mix of the matching benchmark's workload as the files {@code herald match} reads, so that the command
 * users run is measured on the very queries and articles of {@link MatchBenchmark}: {@code queries.tsv}
 * ({@code id<TAB>query}; a subscription limited to feeds becomes {@code (query) AND (source:a OR source:b)}) and
 * {@code docs.jsonl} (the benchmark's 2,000 articles, or more drawn the same way).
 *
 * <p>Arguments: mix ({@code base}, {@code users}, {@code heavy}), subscription count, output folder, and optionally
 * the number of articles (default 2,000, the benchmark's). The same seeds and default parameters as
 * {@link MatchBenchmark}.
 */
public final class WorkloadFiles {
    private WorkloadFiles() {
    }

    public static void main(String[] args) throws IOException {
        Workload.Mix mix = Workload.Mix.valueOf(args[0].toUpperCase(Locale.ROOT));
        int size = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        Workload workload = new Workload(2024, Workload.DEFAULT_VOCABULARY, Workload.DEFAULT_QUERY_MIN_RANK, mix);
        List<Article> articles = workload.articles(args.length > 3 ? Integer.parseInt(args[3]) : 2_000, 7);
        List<Subscription> subscriptions = workload.subscriptions(size, 9);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("queries.tsv"), StandardCharsets.UTF_8)) {
            for (Subscription s : subscriptions) {
                String query = s.feeds().isEmpty() ? s.query() : "(" + s.query() + ") AND ("
                        + s.feeds().stream().sorted().map(f -> "source:" + f).collect(Collectors.joining(" OR "))
                        + ")";
                w.write(s.id() + "\t" + query + "\n");
            }
        }
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("docs.jsonl"), StandardCharsets.UTF_8)) {
            int n = 0;
            for (Article a : articles) {
                ObjectNode doc = json.createObjectNode().put("id", "d" + ++n).put("title", a.title())
                        .put("text", a.text()).put("source", a.source());
                w.write(json.writeValueAsString(doc) + "\n");
            }
        }
        System.out.printf("%s: %,d queries, %,d documents in %s%n", mix, subscriptions.size(), articles.size(), out);
    }
}
