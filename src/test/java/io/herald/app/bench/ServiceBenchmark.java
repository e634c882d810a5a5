package io.herald.app.bench;

import io.herald.match.Query;
import io.herald.match.index.SubscriptionIndex;
import io.herald.match.index.bench.Workload;
import io.herald.store.Database;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.FeedServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The running service at 10k, 100k and 1M stored subscriptions: for each size, a SQLite database is filled with
 * generated subscriptions (batched inserts), then {@code herald run} is started in a JVM of its own (as
 * {@code ./herald run} starts it, with {@code -Xmx} from {@code bench.service.heap}) against a local feed and the
 * strict fake Telegram, and the benchmark measures:
 *
 * <ul>
 *   <li>start: from launching the JVM to the answer of a command sent at launch (the bot answers once started),
 *       and how long the service took to load the index (its own log line; polls wait for it);</li>
 *   <li>change → effective: {@code /subscribe} sent → answered (the change is committed and logged by then; every
 *       poll applies the log first, which the story probes then show);</li>
 *   <li>fetch → send: the feed request that first served a new story → its alert at the fake, p50 / max over
 *       {@code bench.service.stories} stories, half of them right after a burst of 20 /subscribe and /unsubscribe;
 *       the first story after start is reported apart (its poll may wait for the index to finish loading);</li>
 *   <li>heap used after a full GC at the end ({@code jcmd GC.heap_info}) and peak RSS ({@code VmHWM}).</li>
 * </ul>
 *
 * <p>Beside them, the index alone on the same queries in this JVM: build time and heap per subscription.
 * Run: {@code mvn -B -q -Pbench -DskipTests test -Dbench.skipMatch=true -Dbench.skipDelivery=true}
 * (properties {@code bench.service.sizes}, {@code bench.service.heap}, {@code bench.service.stories}).
 */
public final class ServiceBenchmark {
    private static final String TOKEN = "123456789:AAbenchTOKENbenchTOKENbenchTOKEN";
    private static final long USER = 7001;
    private static final long PROBE_CHAT = 900_000_001L;
    private static final int PROBE_CHATS = 8;
    private static final long BURST_CHAT = 900_000_101L;
    private static final int BURST_CHATS = 20;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String RSS = "application/rss+xml; charset=utf-8";

    private record Row(int size, double fillSeconds, double startSeconds, double loadSeconds, long heapMb, long rssMb,
                       String change, long firstStory, String fetchToSend, String burstFetchToSend,
                       double indexBuild, double indexBytes) {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.service.sizes", "10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        String heap = System.getProperty("bench.service.heap", "512m");
        int stories = Integer.parseInt(System.getProperty("bench.service.stories", "20"));
        Workload workload = new Workload(2024, Workload.DEFAULT_VOCABULARY, Workload.DEFAULT_QUERY_MIN_RANK);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(run(workload, size, heap, stories));
        }
        print(rows, heap, stories);
    }

    private static Row run(Workload workload, int size, String heap, int stories) throws Exception {
        Path dir = Files.createTempDirectory("herald-service-bench");
        Path db = dir.resolve("herald.db");
        List<Workload.Subscription> subs = workload.subscriptions(size, 9);
        long fillStart = System.nanoTime();
        fill(db, subs);
        double fill = (System.nanoTime() - fillStart) / 1e9;
        progress("%,d subscriptions stored in %.1f s", size, fill);
        double[] index = indexAlone(subs);
        subs = null;

        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN); FeedServer feed = FeedServer.start()) {
            for (int i = 0; i < PROBE_CHATS; i++) {
                telegram.addChat(PROBE_CHAT + i);
            }
            for (int i = 0; i < BURST_CHATS; i++) {
                telegram.addChat(BURST_CHAT + i);
            }
            feed.publish("/news.xml", RSS, rss(List.of()));
            Path config = dir.resolve("herald.yml");
            Files.writeString(config, """
                    feeds:
                      - id: news
                        url: %s
                        interval: 1s
                    network:
                      allow_private_addresses: true
                    """.formatted(feed.url("/news.xml")));
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), "io.herald.app.Main", "run")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("herald.log").toFile());
            pb.environment().put("HERALD_CONFIG", config.toString());
            pb.environment().put("HERALD_DB", db.toString());
            pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
            pb.environment().put("TELEGRAM_API_URL", telegram.baseUrl());
            long launched = System.nanoTime();
            Process herald = pb.start();
            try {
                telegram.userSends(PROBE_CHAT, USER, "/help");
                awaitReplies(telegram, PROBE_CHAT, 1, herald);
                double start = (System.nanoTime() - launched) / 1e9;
                progress("%,d: answering commands %.1f s after launch", size, start);

                List<Long> changes = new ArrayList<>();
                List<Long> fetchToSend = new ArrayList<>();
                List<Long> afterBurst = new ArrayList<>();
                List<String> items = new ArrayList<>();
                for (int i = 0; i < PROBE_CHATS; i++) {
                    changes.add(command(telegram, herald, PROBE_CHAT + i, "/subscribe xqprobe" + letters(i)));
                }
                long firstStory = -1;
                for (int k = -1; k < stories; k++) {
                    long chat = PROBE_CHAT + Math.floorMod(k, PROBE_CHATS);
                    boolean burst = k >= 0 && k % 2 == 1;
                    if (burst) {
                        // Each chat of the burst sends two commands, within the fake's per-chat limits.
                        for (int b = 0; b < BURST_CHATS / 2; b++) {
                            long from = BURST_CHAT + (k / 2 % 2) * (BURST_CHATS / 2) + b;
                            changes.add(command(telegram, herald, from, "/subscribe xqburst" + letters(k * 10 + b)));
                            changes.add(command(telegram, herald, from, "/unsubscribe 1"));
                        }
                    }
                    int before = telegram.messagesTo(chat).size();
                    items.add(item(k, "xqprobe" + letters(Math.floorMod(k, PROBE_CHATS))));
                    Instant published = Instant.now();
                    feed.publish("/news.xml", RSS, rss(items));
                    List<SentMessage> got = awaitReplies(telegram, chat, before + 1, herald);
                    Instant sent = Instant.now();
                    if (!got.get(before).plainText().contains("Story " + k + " ")) {
                        throw new IllegalStateException("unexpected message: " + got.get(before).plainText());
                    }
                    Instant fetched = feed.requestTimes("/news.xml").stream().filter(t -> !t.isBefore(published))
                            .findFirst().orElseThrow();
                    long ms = Duration.between(fetched, sent).toMillis();
                    if (k < 0) {
                        // The first story after start: its poll may wait for the index to finish loading.
                        firstStory = ms;
                    } else {
                        (burst ? afterBurst : fetchToSend).add(ms);
                    }
                    Thread.sleep(1100);
                }
                long heapMb = usedHeapMb(herald.pid());
                long rssMb = peakRssMb(herald.pid());
                double load = indexLoadSeconds(dir.resolve("herald.log"));
                progress("%,d: change %s ms, first story %d ms, fetch->send %s ms, after burst %s ms, heap %d MB,"
                        + " peak RSS %d MB", size, percentiles(changes), firstStory, percentiles(fetchToSend),
                        percentiles(afterBurst), heapMb, rssMb);
                return new Row(size, fill, start, load, heapMb, rssMb, percentiles(changes), firstStory,
                        percentiles(fetchToSend),
                        percentiles(afterBurst), index[0], index[1]);
            } finally {
                herald.destroy();
                if (!herald.waitFor(20, TimeUnit.SECONDS)) {
                    herald.destroyForcibly();
                }
                deleteTree(dir);
            }
        }
    }

    /** Batched inserts in one transaction, through the schema Herald migrates to. */
    private static void fill(Path db, List<Workload.Subscription> subs) throws Exception {
        Database.openSqlite(db).close();
        try (Connection c = Database.sqliteConnections(db).getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (destination, query, feeds,"
                    + " created_by, created_at) VALUES (?, ?, ?, 'bench', 0)")) {
                int n = 0;
                for (Workload.Subscription s : subs) {
                    // One per chat (a chat may not hold the same query twice); none is a probe chat.
                    ps.setString(1, "telegram:" + (1_000_000L + n));
                    ps.setString(2, s.query());
                    ps.setString(3, String.join(",", new java.util.TreeSet<>(s.feeds())));
                    ps.addBatch();
                    if (++n % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Build seconds and heap bytes per subscription of the index alone, on the same queries. */
    private static double[] indexAlone(List<Workload.Subscription> subs) throws Exception {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        SubscriptionIndex index = new SubscriptionIndex();
        for (Workload.Subscription s : subs) {
            index.add(s.id(), Query.parse(s.query()), s.feeds());
        }
        double build = (System.nanoTime() - start) / 1e9;
        double bytes = (double) (usedHeapAfterGc() - before) / subs.size();
        if (index.size() != subs.size()) {
            throw new IllegalStateException("index holds " + index.size());
        }
        return new double[] {build, bytes};
    }

    /** From the service's log line "matching index: N active subscriptions loaded in M ms". */
    private static double indexLoadSeconds(Path log) throws IOException {
        var m = java.util.regex.Pattern.compile("subscriptions loaded in (\\d+) ms")
                .matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) / 1000.0 : Double.NaN;
    }

    private static long command(FakeTelegramServer telegram, Process herald, long chat, String text) {
        int before = telegram.messagesTo(chat).size();
        long start = System.nanoTime();
        telegram.userSends(chat, USER, text);
        List<SentMessage> replies = awaitReplies(telegram, chat, before + 1, herald);
        long ms = (System.nanoTime() - start) / 1_000_000;
        String reply = replies.get(before).plainText();
        if (!reply.startsWith("Subscribed") && !reply.startsWith("Unsubscribed") && !reply.startsWith("Removed")) {
            throw new IllegalStateException("unexpected answer to " + text + ": " + reply);
        }
        return ms;
    }

    private static List<SentMessage> awaitReplies(FakeTelegramServer telegram, long chat, int count, Process herald) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SentMessage> got = telegram.awaitMessages(chat, count, Duration.ofMillis(200));
            if (got.size() >= count) {
                return got;
            }
            if (!herald.isAlive()) {
                throw new IllegalStateException("herald exited with " + herald.exitValue());
            }
        }
        throw new IllegalStateException("no message " + count + " to chat " + chat + " within " + WAIT);
    }

    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        do {
            out.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return out.toString();
    }

    private static String item(int k, String marker) {
        return "<item><title>Story " + k + " about " + marker + "</title><link>https://news.example.org/s/" + k
                + "</link><guid isPermaLink=\"false\">s" + k + "</guid><pubDate>Mon, 30 Nov 2026 07:05:00 GMT"
                + "</pubDate><description>A report on " + marker + " and what follows from it.</description></item>";
    }

    private static String rss(List<String> items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>News</title>"
                + "<link>https://news.example.org/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private static String percentiles(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "%d / %d", sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1]);
    }

    private static long usedHeapMb(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor();
        jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info: " + out);
        }
        return Long.parseLong(m.group(1)) >> 10;
    }

    private static long peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        throw new IllegalStateException("no VmHWM");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void print(List<Row> rows, String heap, int stories) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nService benchmark: herald run in its own JVM (-Xmx%s), SQLite, one"
                        + " feed polled every second, strict fake Telegram; %d stories (half right after 20"
                        + " /subscribe and /unsubscribe); %d cores, Java %s%n%n", heap, stories,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append("| stored subscriptions | fill DB | ready (answers commands) | index loaded (from start) "
                + "| heap used after GC | peak RSS "
                + "| /subscribe answered ms p50 / max | first story after start: fetch → send ms "
                + "| fetch → send ms p50 / max | after a burst ms p50 / max "
                + "| index alone: build | index alone: heap B/sub |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %,d | %.1f s | %.1f s | %.1f s | %d MB | %d MB | %s | %d | %s | %s "
                            + "| %.2f s | %.0f |%n", r.size(), r.fillSeconds(), r.startSeconds(), r.loadSeconds(),
                    r.heapMb(), r.rssMb(), r.change(), r.firstStory(), r.fetchToSend(), r.burstFetchToSend(),
                    r.indexBuild(), r.indexBytes()));
        }
        System.out.println(out);
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
