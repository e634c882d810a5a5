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
import java.util.Optional;
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

    private static void parse() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            System.out.println("parse: " + CORPUS + " absent: skipped");
            return;
        }
        List<byte[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path f : files.filter(Files::isRegularFile).filter(IngestBenchmark::isDocument).toList()) {
                docs.add(Files.readAllBytes(f));
            }
        }
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true));
        URI base = URI.create("http://bench.test/feed.xml");
        run(reader, docs, base);
        int runs = Integer.getInteger("bench.runs", 3);
        measure("parse (whole corpus)", reader, docs, base, runs);
        List<byte[]> large = docs.stream().filter(d -> d.length >= 16 * 1024).toList();
        measure("parse (corpus documents >= 16 KB)", reader, large, base, runs * 5);
    }

    private static void measure(String name, FeedReader reader, List<byte[]> docs, URI base, int runs) {
        long bytes = docs.stream().mapToLong(d -> d.length).sum();
        long items = 0;
        long refused = 0;
        long start = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            long[] counts = run(reader, docs, base);
            items += counts[0];
            refused += counts[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(name + ": %d documents, %.1f MB, %d runs: %.0f items/s, %.1f MB/s, %.0f documents/s"
                        + " (%d items and %d refused documents per run)%n", docs.size(), bytes / 1e6, runs,
                items / seconds, bytes * (double) runs / 1e6 / seconds, docs.size() * (double) runs / seconds,
                items / runs, refused / runs);
    }

    private static boolean isDocument(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".xml") || n.endsWith(".atom") || n.endsWith(".rss") || n.endsWith(".rdf")
                || (n.endsWith(".json") && !n.endsWith("_expected.json") && !n.contains("vectors")
                && !Files.exists(f.resolveSibling(n.replace(".json", ".xml"))));
    }

    private static long[] run(FeedReader reader, List<byte[]> docs, URI base) {
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
