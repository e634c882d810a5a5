package io.herald.feed.bench;

import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Feed-ingestion benchmark (not a test): (a) {@code parse}: parse and normalise every document of
 * ../shared/corpus/feeds and of its feed-sized part, MB/s and items/s on one and two threads, with baselines;
 * (b) {@code poll} and (c) {@code capacity}: N feeds (default 1,000) of 20-200 KB served by {@link FeedFarm} in
 * another process, polled through the real fetcher, parser, store and matcher ({@link PollBenchmark}): on the
 * scheduler at an interval, and at saturation for the feeds one core can keep polled.
 * Run: {@code mvn -B -q -Pbench-ingest -DskipTests test [-Dbench.what=parse,poll,capacity] [-Dduration=60s]
 * [-Dfeeds=1000] [-Dinterval=5m] [-Dbench.capacity.seconds=60]}.
 */
public final class IngestBenchmark {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "feeds");

    public static void main(String[] args) throws Exception {
        String what = System.getProperty("bench.what", "parse,poll");
        if (what.contains("parse")) {
            parse();
        }
        if (what.contains("poll")) {
            try (PollBenchmark bench = new PollBenchmark("50-500")) {
                bench.schedule(Integer.getInteger("feeds", 1000), duration(System.getProperty("duration", "5m")),
                        duration(System.getProperty("interval", "5m")));
            }
        }
        if (what.contains("capacity")) {
            try (PollBenchmark bench = new PollBenchmark("5-20")) {
                bench.capacity(Integer.getInteger("feeds", 1000),
                        Duration.ofSeconds(Integer.getInteger("bench.capacity.seconds", 60)));
            }
        }
    }

    static Duration duration(String s) {
        String t = s.strip().toLowerCase();
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return t.endsWith("ms") ? Duration.ofMillis(n) : t.endsWith("m") ? Duration.ofMinutes(n)
                : t.endsWith("h") ? Duration.ofHours(n) : Duration.ofSeconds(n);
    }

    /**
     * Parse speed, per document set: Herald's whole parse and normalisation ({@code FeedReader.parse}) on one
     * thread and on two (each thread parsing the whole set, as two poll threads do on two cores), and two baselines
     * over the same bytes in the same run ({@code -Dbench.baselines=false} skips them): ROME alone
     * ({@code XmlReader} + {@code SyndFeedInput}, no normalisation) and a bare SAX pass (the JDK parser, no tree:
     * the floor for any XML reading). The JVM is first warmed up on Herald's parse for {@code bench.warmup}
     * seconds (default 40: on two shared cores the JIT needs about that long to settle), each measure for
     * {@code bench.warmup.each} more (default 5); then {@code bench.rounds} rounds (default 7) of at least one
     * second are timed and the median round is reported with the slowest and fastest.
     */
    private static void parse() throws Exception {
        if (!Files.isDirectory(CORPUS)) {
            System.out.println("parse: " + CORPUS + " absent: skipped");
            return;
        }
        List<byte[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path f : files.filter(Files::isRegularFile).filter(IngestBenchmark::isDocument).sorted().toList()) {
                docs.add(Files.readAllBytes(f));
            }
        }
        List<byte[]> large = docs.stream().filter(d -> d.length >= 16 * 1024).toList();
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true));
        URI base = URI.create("http://bench.test/feed.xml");
        Function<List<byte[]>, long[]> herald = d -> herald(reader, d, base);
        long warmEnd = System.nanoTime() + seconds("bench.warmup", 40);
        while (System.nanoTime() < warmEnd) {
            herald.apply(docs);
        }
        ThreadLocal<ParseBaselines> baselines = ThreadLocal.withInitial(() -> {
            try {
                return new ParseBaselines();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (var set : List.of(Map.entry("whole corpus", docs), Map.entry("corpus documents >= 16 KB", large))) {
            measure("parse, 1 thread (" + set.getKey() + ")", set.getValue(), 1, herald);
            measure("parse, 2 threads (" + set.getKey() + ")", set.getValue(), 2, herald);
            if (Boolean.parseBoolean(System.getProperty("bench.baselines", "true"))) {
                measure("  baseline ROME alone, 1 thread (" + set.getKey() + ")", set.getValue(), 1,
                        d -> baselines.get().rome(d));
                measure("  baseline SAX pass, no tree, 1 thread (" + set.getKey() + ")", set.getValue(), 1,
                        d -> baselines.get().sax(d));
            }
        }
    }

    private static long seconds(String property, double defaultSeconds) {
        return (long) (Double.parseDouble(System.getProperty(property, String.valueOf(defaultSeconds))) * 1e9);
    }

    private static long[] herald(FeedReader reader, List<byte[]> docs, URI base) {
        long items = 0;
        long refused = 0;
        for (byte[] doc : docs) {
            try {
                ParsedFeed feed = reader.parse("bench", doc, Optional.empty(), base);
                items += feed.items().size();
            } catch (FeedException e) {
                refused++;
            }
        }
        return new long[] {items, refused};
    }

    /** Passes over {@code docs} on {@code threads} threads at once; MB/s counts the bytes all threads read. */
    private static void measure(String name, List<byte[]> docs, int threads, Function<List<byte[]>, long[]> pass)
            throws Exception {
        long bytes = docs.stream().mapToLong(IngestBenchmark::unpackedLength).sum();
        long[] counts = pass.apply(docs);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            runFor(pool, threads, seconds("bench.warmup.each", 5), docs, pass);
            int rounds = Integer.getInteger("bench.rounds", 7);
            double[] mbs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                long passes = runFor(pool, threads, 1_000_000_000L, docs, pass);
                mbs[r] = bytes * (double) passes / 1e6 / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(mbs);
            double median = mbs[rounds / 2];
            double perMb = 1e6 / bytes;
            System.out.printf("%s: %d documents, %.2f MB (unpacked): median %.1f MB/s (%d rounds, %.1f-%.1f),"
                            + " %.0f items/s, %.0f documents/s (%d items, %d documents refused per pass)%n", name,
                    docs.size(), bytes / 1e6, median, rounds, mbs[0], mbs[rounds - 1], counts[0] * median * perMb,
                    docs.size() * median * perMb, counts[0], counts[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each thread makes whole passes until {@code nanos} have gone by; the passes made by all. */
    private static long runFor(java.util.concurrent.ExecutorService pool, int threads, long nanos, List<byte[]> docs,
            Function<List<byte[]>, long[]> pass) throws Exception {
        long end = System.nanoTime() + nanos;
        List<java.util.concurrent.Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                long passes = 0;
                do {
                    pass.apply(docs);
                    passes++;
                } while (System.nanoTime() < end);
                return passes;
            }));
        }
        long passes = 0;
        for (var f : done) {
            passes += f.get();
        }
        return passes;
    }

    /** A gzip-compressed document (parsed as such) counts with its unpacked size: that is what gets read. */
    private static long unpackedLength(byte[] doc) {
        if (doc.length < 2 || (doc[0] & 0xff) != 0x1f || (doc[1] & 0xff) != 0x8b) {
            return doc.length;
        }
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(doc))) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return doc.length;
        }
    }

    private static boolean isDocument(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".xml") || n.endsWith(".atom") || n.endsWith(".rss") || n.endsWith(".rdf")
                || (n.endsWith(".json") && !n.endsWith("_expected.json") && !n.contains("vectors")
                && !Files.exists(f.resolveSibling(n.replace(".json", ".xml"))));
    }
}
