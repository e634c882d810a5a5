package io.herald.app;

import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throughput of 1, 2 and 3 {@code herald run} JVMs on one PostgreSQL database ({@code mvn -o -B -Pbench-cluster
 * test}; never part of verify): feeds polled per minute
 * with more feeds due than the nodes can poll (every feed every {@code interval}, answered at once by the local feed
 * server; counted over {@code window} after a 10 s warm-up), then, on a new database, alerts per second for a burst
 * of stories (one per feed) to many chats through the fake Bot API at Telegram's limits.
 *
 * <p>System properties: {@code bench.nodes} (1,2,3), {@code bench.runs} (3), {@code bench.feeds} (600),
 * {@code bench.interval} (5 s), {@code bench.window} (20 s), {@code bench.stories} (10), {@code bench.chats} (100).
 */
public final class ClusterBenchmark {
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String n : System.getProperty("bench.nodes", "1,2,3").split(",")) {
            sizes.add(Integer.parseInt(n.strip()));
        }
        int runs = Integer.getInteger("bench.runs", 3);
        int feeds = Integer.getInteger("bench.feeds", 600);
        Duration interval = Duration.ofSeconds(Integer.getInteger("bench.interval", 5));
        Duration window = Duration.ofSeconds(Integer.getInteger("bench.window", 20));
        int stories = Integer.getInteger("bench.stories", 10);
        int chats = Integer.getInteger("bench.chats", 100);
        try {
            TestPostgres.assumeAvailable();
        } catch (RuntimeException e) {
            System.out.println("cluster benchmark skipped: " + e.getMessage());
            return;
        }
        Map<Integer, List<double[]>> results = new TreeMap<>();
        for (int run = 1; run <= runs; run++) {
            for (int n : sizes) {
                double[] r = once(n, new ClusterBed.Load(feeds, interval, Duration.ZERO, chats, stories,
                        Duration.ZERO), window);
                results.computeIfAbsent(n, k -> new ArrayList<>()).add(r);
                System.out.printf("run %d, %d node(s): %.0f feeds polled/min (%d due/min), %.1f alerts/s%n", run, n,
                        r[0], feeds * 60 / interval.toSeconds(), r[1]);
            }
        }
        System.out.printf("cluster benchmark: %d feeds every %d s, %d stories x %d chats, window %d s, %d runs;"
                        + " medians:%n", feeds, interval.toSeconds(), stories, chats, window.toSeconds(), runs);
        results.forEach((n, rs) -> System.out.printf("  %d node(s): %.0f feeds polled/min, %.1f alerts/s%n", n,
                median(rs, 0), median(rs, 1)));
    }

    private static double median(List<double[]> rs, int i) {
        List<double[]> sorted = new ArrayList<>(rs);
        sorted.sort(Comparator.comparingDouble(r -> r[i]));
        return sorted.get(sorted.size() / 2)[i];
    }

    /** {feeds polled per minute over the window, alerts per second for the burst}. */
    private static double[] once(int nodes, ClusterBed.Load load, Duration window) throws Exception {
        double perMinute = polling(nodes, load, window);
        double perSecond = delivery(nodes, new ClusterBed.Load(load.stories(), Duration.ofSeconds(2), Duration.ZERO,
                load.chats(), load.stories(), Duration.ZERO));
        return new double[] {perMinute, perSecond};
    }

    /** Many feeds, all due at once and every interval after: how many polls the nodes get through a minute. */
    private static double polling(int nodes, ClusterBed.Load load, Duration window) throws Exception {
        Path dir = Files.createTempDirectory("herald-cluster-bench");
        try (TestPostgres pg = TestPostgres.createDatabase();
             FakeTelegramServer telegram = FakeTelegramServer.start(ClusterBed.TOKEN);
             FeedServer feeds = FeedServer.start(32);
             ClusterBed bed = new ClusterBed(dir, pg, telegram, feeds, load)) {
            bed.prepare();
            started(bed, nodes);
            Thread.sleep(WARM_UP.toMillis());
            Instant from = Instant.now();
            Thread.sleep(window.toMillis());
            Instant to = Instant.now();
            return bed.requestsBetween(from, to) * 60_000.0 / Duration.between(from, to).toMillis();
        }
    }

    /**
     * A burst of stories, one per feed, each to every chat, through the fake Bot API at Telegram's limits: alerts per
     * second from the first alert to the last.
     */
    private static double delivery(int nodes, ClusterBed.Load load) throws Exception {
        Path dir = Files.createTempDirectory("herald-cluster-bench");
        try (TestPostgres pg = TestPostgres.createDatabase();
             FakeTelegramServer telegram = FakeTelegramServer.start(ClusterBed.TOKEN);
             FeedServer feeds = FeedServer.start(8);
             ClusterBed bed = new ClusterBed(dir, pg, telegram, feeds, load)) {
            telegram.rateLimits(FakeTelegramRateLimits.DEFAULT);
            telegram.globalRateLimit(30, 30);
            bed.prepare();
            started(bed, nodes);
            bed.await("every feed polled", Duration.ofSeconds(120), () -> bed.minRequests(Instant.MIN) >= 1);
            bed.publishStories(load.stories());
            bed.await("the first alert", Duration.ofSeconds(120), () -> bed.tally().received() > 0);
            Instant first = Instant.now();
            int atFirst = bed.tally().received();
            bed.await("every alert delivered", Duration.ofSeconds(300), () -> bed.tally().lost() == 0);
            double seconds = Duration.between(first, Instant.now()).toMillis() / 1000.0;
            if (telegram.rateLimitedCount() > 0) {
                System.out.println("  (" + telegram.rateLimitedCount() + " x 429)");
            }
            return (bed.tally().received() - atFirst) / seconds;
        }
    }

    private static void started(ClusterBed bed, int nodes) throws Exception {
        List<ClusterBed.Node> started = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            started.add(bed.launch("node-" + i));
        }
        for (ClusterBed.Node node : started) {
            bed.await(node.name() + " running", Duration.ofSeconds(120),
                    () -> node.ready().contains("\"scheduler\":\"running\""));
        }
    }
}
