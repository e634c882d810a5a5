package io.herald.feed.bench;

import com.sun.management.OperatingSystemMXBean;
import io.herald.config.FeedConfig;
import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchOutcome;
import io.herald.feed.FetchPolicy;
import io.herald.model.Destination;
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
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Polling through Herald's real path (fetcher with its per-host and global limits → parse → SQLite store →
 * matching against 5 subscriptions → outbox) against a {@link FeedFarm} in another process serving feed-sized
 * documents (20-200 KB). Two measures:
 * <ul>
 *   <li><b>schedule</b>: N feeds (default 1,000) on the Quartz scheduler at an interval (default 5 min), 50-500 ms
 *   latency, for a duration (default 5 min) after one untimed warm-up round: were they all polled in time, at what
 *   CPU and heap;</li>
 *   <li><b>capacity</b>: the same path at saturation: 16 poll threads (the service's cap) poll their share of the
 *   feeds back to back (each feed by one thread only, as the scheduler guarantees), 5-20 ms latency, for
 *   {@code bench.capacity.seconds} (default 60) after a warm-up round. The CPU time of this process per poll gives
 *   the capacity: how many feeds one core keeps polled at a 5-minute (and a 1-minute) interval.</li>
 * </ul>
 */
final class PollBenchmark implements AutoCloseable {
    private static final int THREADS = 16;

    private final Process farm;
    private final BufferedReader farmOut;
    private final int port;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final Poller poller;

    PollBenchmark(String latency) throws Exception {
        farm = new ProcessBuilder("java", "-Xmx512m", "-Dfarm.latency=" + latency, "-cp",
                System.getProperty("java.class.path"), FeedFarm.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        farmOut = new BufferedReader(new InputStreamReader(farm.getInputStream(), StandardCharsets.UTF_8));
        port = Integer.parseInt(farmOut.readLine().substring("port=".length()));
        Database db = Database.openSqlite(Files.createTempDirectory("herald-bench").resolve("bench.db"));
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, Clock.systemUTC());
        for (String q : List.of("kursk", "\"north korea\"", "nato OR otan", "election*", "title:storm")) {
            subscriptions.add(Destination.telegram(1), q, "bench");
        }
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true).withConcurrency(2, THREADS));
        poller = new Poller((id, url, previous) -> fetch(reader, id, url, previous),
                new JdbcFeedStore(db, Clock.systemUTC()), new AlertPlanner(subscriptions, new Summarizer(), 400),
                () -> { }, PollTiming.defaults(), FeedHealthListener.NONE, Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    private FetchOutcome fetch(FeedReader reader, String id, URI url, io.herald.feed.Validators previous)
            throws FeedException {
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
    }

    /** N feeds, each on its own loopback host (127.0.x.y) so that the per-host cap of 2 applies as in production. */
    private List<FeedConfig> feeds(int count, Duration interval) {
        List<FeedConfig> configs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String host = "127.0." + (i / 250) + "." + (i % 250 + 1);
            configs.add(new FeedConfig("f" + i, URI.create("http://" + host + ":" + port + "/feed/" + i), interval));
        }
        return configs;
    }

    /** One untimed round so every feed has validators and a recorded backlog: the timed rounds are steady state. */
    private void warmUp(List<FeedConfig> configs) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (FeedConfig feed : configs) {
            pool.submit(() -> poller.poll(feed.id(), feed.url(), feed.interval()));
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        polls.set(0);
        notModified.set(0);
        failures.set(0);
    }

    void schedule(int feedCount, Duration duration, Duration interval) throws Exception {
        List<FeedConfig> configs = feeds(feedCount, interval);
        warmUp(configs);
        Instant start = Instant.now();
        Usage usage = new Usage();
        try (PollScheduler scheduler = new PollScheduler(poller, THREADS)) {
            scheduler.start(configs, id -> Optional.of(start.plus(interval.multipliedBy(
                    Long.parseLong(id.substring(1))).dividedBy(feedCount))));
            usage.sampleUntil(System.nanoTime() + duration.toNanos());
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("poll, schedule: %d feeds of 20-200 KB every %s, %d poll threads, %.0f s: %d polls"
                        + " (%d not modified, %d failed), %.0f feeds polled per minute; CPU %.1f%% of one core"
                        + " (%.1f s); peak heap %.0f MB (max %d MB)%n", feedCount, interval, THREADS, seconds,
                polls.get(), notModified.get(), failures.get(), polls.get() / seconds * 60,
                usage.cpuSeconds() / seconds * 100, usage.cpuSeconds(), usage.peakHeap / 1e6,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    void capacity(int feedCount, Duration duration) throws Exception {
        List<FeedConfig> configs = feeds(feedCount, Duration.ofMinutes(5));
        warmUp(configs);
        Usage usage = new Usage();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<FeedConfig> mine = configs.subList(t * feedCount / THREADS, (t + 1) * feedCount / THREADS);
            done.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i = (i + 1) % mine.size()) {
                    poller.poll(mine.get(i).id(), mine.get(i).url(), mine.get(i).interval());
                }
            }));
        }
        usage.sampleUntil(end);
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerPoll = usage.cpuSeconds() / polls.get();
        System.out.printf("poll, capacity: %d feeds of 20-200 KB, %d threads back to back, 5-20 ms latency,"
                        + " %.0f s: %d polls (%d not modified, %d failed) = %.1f polls/s using %.2f cores"
                        + " (%.1f ms CPU per poll); capacity %.0f feeds per core at a"
                        + " 5-minute interval (%.0f at 1 minute); peak heap %.0f MB (max %d MB)%n", feedCount,
                THREADS, seconds, polls.get(), notModified.get(), failures.get(), polls.get() / seconds,
                usage.cpuSeconds() / seconds, cpuPerPoll * 1000, 300 / cpuPerPoll,
                60 / cpuPerPoll, usage.peakHeap / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Override
    public void close() throws Exception {
        farm.getOutputStream().close();
        System.out.println("  farm: " + farmOut.readLine());
        farm.waitFor();
    }

    /** CPU time of this process and peak used heap (sampled every 200 ms) from construction on. */
    private static final class Usage {
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final long cpuStart = os.getProcessCpuTime();
        private long peakHeap;

        void sampleUntil(long endNanos) throws InterruptedException {
            while (System.nanoTime() < endNanos) {
                Thread.sleep(200);
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            }
        }

        double cpuSeconds() {
            return (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
    }
}
