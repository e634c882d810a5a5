package io.herald.feed.bench;

import com.sun.management.OperatingSystemMXBean;
import io.herald.config.FeedConfig;
import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchOutcome;
import io.herald.feed.FetchPolicy;
import io.herald.model.Destination;
import io.herald.model.ParsedFeed;
import io.herald.pipeline.AlertPlanner;
import io.herald.pipeline.FeedHealthListener;
import io.herald.pipeline.PollTiming;
import io.herald.pipeline.Poller;
import io.herald.schedule.PollScheduler;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.summarize.Summarizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Feed-ingestion benchmark (not a test): (a) parse and normalise every document of ../shared/corpus/feeds, items/s
 * and MB/s on one thread; (b) poll N feeds (default 1,000) served by {@link FeedFarm} in another process with
 * 50-500 ms latency and 20% 304s, through the real scheduler, fetcher, parser, store and matcher, for a duration
 * (default 5 min) after one untimed warm-up round: polls per minute, CPU of this process as % of one core, peak heap.
 * Run: {@code mvn -B -q -Pbench-ingest -DskipTests test [-Dduration=60s] [-Dfeeds=1000] [-Dinterval=5m]}.
 */
public final class IngestBenchmark {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "feeds");

    public static void main(String[] args) throws Exception {
        String what = System.getProperty("bench.what", "parse,poll");
        if (what.contains("parse")) {
            parse();
        }
        if (what.contains("poll")) {
            poll(Integer.getInteger("feeds", 1000), duration(System.getProperty("duration", "5m")),
                    duration(System.getProperty("interval", "5m")));
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

    /** One untimed round so every feed has validators and a recorded backlog: the timed rounds are steady state. */
    private static void warmUp(Poller poller, List<FeedConfig> configs, int threads) throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        for (FeedConfig feed : configs) {
            pool.submit(() -> poller.poll(feed.id(), feed.url(), feed.interval()));
        }
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
    }

    private static void poll(int feedCount, Duration duration, Duration interval) throws Exception {
        Process farm = new ProcessBuilder("java", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                FeedFarm.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader farmOut = new BufferedReader(new InputStreamReader(farm.getInputStream(),
                StandardCharsets.UTF_8));
        int port = Integer.parseInt(farmOut.readLine().substring("port=".length()));
        Path dir = Files.createTempDirectory("herald-bench");
        Database db = Database.openSqlite(dir.resolve("bench.db"));
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, Clock.systemUTC());
        for (String q : List.of("kursk", "\"north korea\"", "nato OR otan", "election*", "title:storm")) {
            subscriptions.add(Destination.telegram(1), q, "bench");
        }
        JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
        int threads = Math.max(2, Math.min(16, feedCount));
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true).withConcurrency(2, threads));
        AtomicLong polls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        Poller poller = new Poller((id, url, previous) -> {
            polls.incrementAndGet();
            try {
                FetchOutcome outcome = reader.read(id, url, previous);
                if (outcome.notModified()) {
                    notModified.incrementAndGet();
                }
                return outcome;
            } catch (FeedException e) {
                failures.incrementAndGet();
                throw e;
            }
        }, feeds, new AlertPlanner(subscriptions, new Summarizer(), 400), () -> { }, PollTiming.defaults(),
                FeedHealthListener.NONE, Clock.systemUTC(), RandomGenerator.getDefault());
        List<FeedConfig> configs = new ArrayList<>();
        for (int i = 0; i < feedCount; i++) {
            String host = "127.0." + (i / 250) + "." + (i % 250 + 1);
            configs.add(new FeedConfig("f" + i, URI.create("http://" + host + ":" + port + "/feed/" + i), interval));
        }
        warmUp(poller, configs, threads);
        polls.set(0);
        notModified.set(0);
        failures.set(0);
        Instant start = Instant.now();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long peakHeap = 0;
        try (PollScheduler scheduler = new PollScheduler(poller, threads)) {
            scheduler.start(configs, id -> Optional.of(start.plus(interval.multipliedBy(
                    Long.parseLong(id.substring(1))).dividedBy(feedCount))));
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(200);
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            }
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        farm.getOutputStream().close();
        String farmSummary = farmOut.readLine();
        farm.waitFor();
        System.out.printf("poll: %d feeds every %s, %d poll threads, %.0f s: %d polls (%d not modified, %d failed),"
                        + " %.0f feeds polled per minute; CPU %.1f%% of one core (%.1f s); peak heap %.0f MB"
                        + " (max %d MB); farm: %s%n", feedCount, interval, threads, seconds, polls.get(),
                notModified.get(), failures.get(), polls.get() / seconds * 60, cpu / seconds * 100, cpu,
                peakHeap / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024), farmSummary);
    }
}
