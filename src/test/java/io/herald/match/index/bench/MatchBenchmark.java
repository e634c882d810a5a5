package io.herald.match.index.bench;

import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.match.index.SubscriptionIndex;
import io.herald.match.index.bench.Timing.Budget;
import io.herald.match.index.bench.Timing.Result;
import io.herald.match.index.bench.Workload.Article;
import io.herald.match.index.bench.Workload.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Matching benchmark: {@link SubscriptionIndex} and Lucene Monitor side by side on the {@link Workload} at several
 * subscription counts; prints a Markdown table. Run with {@code mvn -B -Pbench -DskipTests test}
 * (see docs/benchmarks.md); system properties {@code bench.sizes}, {@code bench.runs}, {@code bench.vocabulary},
 * {@code bench.queryMinRank}, {@code bench.mixes} (comma-separated {@link Workload.Mix} names, one table each) and
 * {@code bench.lucene} ({@code false} leaves Lucene Monitor out, for comparing two builds of Herald's index).
 */
public final class MatchBenchmark {
    private static final Budget HERALD = new Budget(1_000, 2_000, 400_000);
    private static final Budget LUCENE_SMALL = new Budget(1_000, 3_000, 100_000);
    private static final Budget LUCENE_LARGE = new Budget(500, 10_000, 200);
    private static final int LATENCY_SAMPLES = 2_000;

    private final Workload workload;
    private final List<Article> articles;
    private final int runs;
    private final String shape;
    private final List<Row> rows = new ArrayList<>();

    private record Row(int size, String engine, String build, double heapBytes, Result one, Result two,
                       String changes, String note) {}

    private MatchBenchmark(int runs, int vocabulary, int queryMinRank, Workload.Mix mix) {
        this.runs = runs;
        this.workload = new Workload(2024, vocabulary, queryMinRank, mix);
        this.articles = workload.articles(2_000, 7);
        this.shape = String.format(Locale.ROOT, "mix %s, vocabulary %,d words, query words from rank %,d", mix,
                vocabulary, mix == Workload.Mix.HEAVY ? Math.min(queryMinRank, Workload.HEAVY_QUERY_MIN_RANK)
                        : queryMinRank);
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        int vocabulary = Integer.parseInt(System.getProperty("bench.vocabulary", "" + Workload.DEFAULT_VOCABULARY));
        int queryMinRank = Integer.parseInt(System.getProperty("bench.queryMinRank",
                "" + Workload.DEFAULT_QUERY_MIN_RANK));
        for (String mixName : System.getProperty("bench.mixes", "base,users,heavy").split(",")) {
            Workload.Mix mix = Workload.Mix.valueOf(mixName.strip().toUpperCase(Locale.ROOT));
            MatchBenchmark bench = new MatchBenchmark(runs, vocabulary, queryMinRank, mix);
            int largest = Arrays.stream(sizes).max().orElseThrow();
            List<Subscription> all = bench.workload.subscriptions(largest + LATENCY_SAMPLES, 9);
            List<Subscription> extra = all.subList(largest, all.size());
            for (int size : sizes) {
                bench.herald(all.subList(0, size), extra);
                if (!"false".equals(System.getProperty("bench.lucene"))) {
                    bench.lucene(all.subList(0, size));
                }
            }
            bench.print(sizes);
        }
    }

    private void herald(List<Subscription> subscriptions, List<Subscription> extra) throws Exception {
        int n = subscriptions.size();
        List<Double> builds = new ArrayList<>();
        List<Double> heaps = new ArrayList<>();
        SubscriptionIndex index = null;
        for (int run = 0; run < runs; run++) {
            index = null;
            long before = Timing.usedHeapAfterGc();
            long start = System.nanoTime();
            index = build(subscriptions);
            builds.add((System.nanoTime() - start) / 1e9);
            heaps.add((double) (Timing.usedHeapAfterGc() - before) / n);
            progress("herald %,d: build %.2f s, heap %.0f B/subscription", n, builds.get(run), heaps.get(run));
        }
        SubscriptionIndex built = index;
        Timing.Matcher matcher = a -> built.match(a.title(), a.text(), a.source()).length;
        Result one = medianOf(matcher, 1, HERALD, runs, "herald " + n);
        Result two = medianOf(matcher, 2, HERALD, runs, "herald " + n);
        String changes = changeLatency(built, extra);
        rows.add(new Row(n, "Herald index", String.format(Locale.ROOT, "%.2f s", Timing.median(builds)),
                Timing.median(heaps), one, two, changes, ""));
    }

    private static SubscriptionIndex build(List<Subscription> subscriptions) throws QueryException {
        SubscriptionIndex index = new SubscriptionIndex();
        for (Subscription s : subscriptions) {
            index.add(s.id(), Query.parse(s.query()), s.feeds());
        }
        return index;
    }

    /** p50 / p99 / max of adding, then removing, one subscription at a time. */
    private static String changeLatency(SubscriptionIndex index, List<Subscription> extra) throws QueryException {
        List<Query> queries = new ArrayList<>();
        for (Subscription s : extra) {
            queries.add(Query.parse(s.query()));
        }
        long[] adds = new long[extra.size()];
        long[] removes = new long[extra.size()];
        for (int i = 0; i < extra.size(); i++) {
            long start = System.nanoTime();
            index.add(extra.get(i).id(), queries.get(i), extra.get(i).feeds());
            adds[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < extra.size(); i++) {
            long start = System.nanoTime();
            index.remove(extra.get(i).id());
            removes[i] = System.nanoTime() - start;
        }
        return micros(adds) + "; " + micros(removes);
    }

    private static String micros(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f/%.1f/%.0f", Timing.percentile(sorted, 0.5) / 1e3,
                Timing.percentile(sorted, 0.99) / 1e3, sorted[sorted.length - 1] / 1e3);
    }

    private void lucene(List<Subscription> subscriptions) throws Exception {
        int n = subscriptions.size();
        boolean large = n > 100_000;
        long before = Timing.usedHeapAfterGc();
        long start = System.nanoTime();
        try (LuceneMonitorEngine lucene = new LuceneMonitorEngine()) {
            lucene.register(subscriptions);
            double build = (System.nanoTime() - start) / 1e9;
            double heap = (double) (Timing.usedHeapAfterGc() - before) / n;
            progress("lucene %,d: build %.2f s, heap %.0f B/subscription", n, build, heap);
            Budget budget = large ? LUCENE_LARGE : LUCENE_SMALL;
            int lucenRuns = large ? 1 : runs;
            Result one = medianOf(lucene::match, 1, budget, lucenRuns, "lucene " + n);
            Result two = medianOf(lucene::match, 2, budget, lucenRuns, "lucene " + n);
            String note = large ? String.format(Locale.ROOT, "1 run, capped at %d articles or %d s per thread",
                    budget.maxArticlesPerThread(), budget.measureMillis() / 1000) : lucenRuns + " runs";
            rows.add(new Row(n, "Lucene Monitor 9.11.1", String.format(Locale.ROOT, "%.2f s", build), heap, one, two,
                    "n/a", note));
        }
    }

    private Result medianOf(Timing.Matcher matcher, int threads, Budget budget, int times, String label)
            throws Exception {
        List<Result> results = new ArrayList<>();
        for (int run = 0; run < times; run++) {
            Result r = Timing.run(matcher, articles, threads, budget);
            progress("%s, %d thread(s): %,.0f articles/s, p50 %.3f ms, p99 %.3f ms, %.1f matches/article (%d)",
                    label, threads, r.articlesPerSecond(), r.p50Millis(), r.p99Millis(), r.matchesPerArticle(),
                    r.articles());
            results.add(r);
        }
        results.sort((a, b) -> Double.compare(a.articlesPerSecond(), b.articlesPerSecond()));
        Result middle = results.get(results.size() / 2);
        double p99 = Timing.median(results.stream().map(Result::p99Millis).toList());
        return new Result(middle.articlesPerSecond(), middle.p50Millis(), p99, middle.matchesPerArticle(),
                middle.articles());
    }

    private void print(int[] sizes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nMatching benchmark: %,d articles of ~3 KB, %s, %d run(s) per "
                        + "figure (medians), %d cores, Java %s, max heap %,d MB%n%n", articles.size(), shape, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20));
        out.append("| subscriptions | engine | build | heap B/sub | articles/s 1 thread | articles/s 2 threads "
                + "| p99 ms 1 / 2 threads | matches/article | add; remove µs p50/p99/max | speed-up (2 threads) "
                + "| note |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int size : sizes) {
            List<Row> pair = rows.stream().filter(r -> r.size() == size).toList();
            double herald = pair.get(0).two().articlesPerSecond();
            for (Row row : pair) {
                out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.0f | %,.0f | %,.0f | %.3f / %.3f | %.1f "
                                + "| %s | %s | %s |%n", row.size(), row.engine(), row.build(), row.heapBytes(),
                        row.one().articlesPerSecond(), row.two().articlesPerSecond(), row.one().p99Millis(),
                        row.two().p99Millis(), row.two().matchesPerArticle(), row.changes(),
                        row == pair.get(0) ? "" : String.format(Locale.ROOT, "Herald %.0f×",
                                herald / row.two().articlesPerSecond()), row.note()));
            }
        }
        System.out.println(out);
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
