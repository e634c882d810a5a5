package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Herald cluster for tests and benchmarks: {@code herald run} JVMs (the test class path, {@code Main}) on one
 * PostgreSQL database, a feed server with many feeds, and the fake Bot API; stories published on the feeds match a
 * config route to many Telegram chats, so each story makes one alert per chat.
 */
final class ClusterBed implements AutoCloseable {
    static final String TOKEN = "7000021:cluster-token";
    static final int FEEDS = 200;
    /** The chat commands are sent from (and the {@code nato} subscription made in). */
    static final long COMMANDS = 9_100_001L;
    private static final Pattern STORY = Pattern.compile("Kursk report (\\d+)\\b");
    private static final Pattern NATO = Pattern.compile("NATO drill (\\d+)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the cluster is given: feeds polled every {@code interval} (each answer delayed by {@code feedDelay}, so
     * polls are in flight at any moment), {@code stories} stories one every {@code storyEvery}, each to {@code chats}.
     */
    record Load(int feeds, Duration interval, Duration feedDelay, int chats, int stories, Duration storyEvery) {
        static final Load MUST_SHOW = new Load(FEEDS, Duration.ofSeconds(15), Duration.ofMillis(100), 50, 20,
                Duration.ofSeconds(2));
        static final Load SMALL = new Load(4, Duration.ofSeconds(2), Duration.ZERO, 2, 0, Duration.ofSeconds(1));
    }

    /** Each (chat, story) counted in what the chats received, single alerts and digests alike. */
    record Tally(int expected, int received, int lost, int duplicates) {
    }

    private final Path dir;
    private final TestPostgres pg;
    private final FakeTelegramServer telegram;
    private final FeedServer feeds;
    private final Load load;
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final Map<Integer, List<String>> items = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Thread publisher;
    private volatile int published;

    ClusterBed(Path dir, TestPostgres pg, FakeTelegramServer telegram, FeedServer feeds, Load load) {
        this.dir = dir;
        this.pg = pg;
        this.telegram = telegram;
        this.feeds = feeds;
        this.load = load;
    }

    static long chat(int c) {
        return 3_100_000L + c;
    }

    static String feedId(int i) {
        return String.format("f%03d", i);
    }

    private static String path(int i) {
        return "/" + feedId(i) + ".xml";
    }

    int expectedAlerts() {
        return load.stories() * load.chats();
    }

    /** Every feed with one old item, its answers delayed; the config with every feed and the route to every chat. */
    void prepare() throws IOException {
        StringBuilder config = new StringBuilder("feeds:\n");
        for (int i = 0; i < load.feeds(); i++) {
            items.put(i, new ArrayList<>(List.of(HeraldEndToEndTest.item("old-" + i, "Old item " + i,
                    "https://news.example.org/old/" + i, "Published before the start."))));
            publish(i);
            feeds.delay(path(i), load.feedDelay());
            config.append("  - id: ").append(feedId(i)).append("\n    url: ").append(feeds.url(path(i)))
                    .append("\n    interval: ").append(load.interval().toSeconds()).append("s\n")
                    .append("    fetch_article: false\n");
        }
        List<String> to = new ArrayList<>();
        for (int c = 0; c < load.chats(); c++) {
            telegram.addChat(chat(c));
            to.add("\"telegram:" + chat(c) + "\"");
        }
        config.append("routes:\n  - id: desk\n    query: kursk\n    to: [").append(String.join(", ", to))
                .append("]\nnetwork:\n  allow_private_addresses: true\n");
        Files.writeString(dir.resolve("herald.yml"), config.toString());
    }

    private synchronized void publish(int feed) {
        List<String> newestFirst = new ArrayList<>(items.get(feed));
        java.util.Collections.reverse(newestFirst);
        feeds.publish(path(feed), "application/rss+xml", HeraldEndToEndTest.rss(newestFirst.toArray(String[]::new)));
    }

    private synchronized void addItem(int feed, String item) {
        items.get(feed).add(item);
        publish(feed);
    }

    /** Publishes the stories one every {@link Load#storyEvery} on a thread of its own. */
    void startPublishing() {
        publisher = new Thread(() -> {
            try {
                for (int k = 1; k <= load.stories(); k++) {
                    addItem(story(k), storyItem(k));
                    published = k;
                    Thread.sleep(load.storyEvery().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "story-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    void awaitPublished() throws InterruptedException {
        publisher.join(load.storyEvery().toMillis() * (load.stories() + 5));
        assertThat(published).isEqualTo(load.stories());
    }

    /** Publishes every story at once, each on a feed of its own. */
    void publishStories(int n) {
        for (int k = 1; k <= n; k++) {
            addItem(story(k), storyItem(k));
        }
        published = n;
    }

    private int story(int k) {
        return (k * 37) % load.feeds();
    }

    private static String storyItem(int k) {
        return HeraldEndToEndTest.item("story-" + k, "Kursk report " + k, "https://news.example.org/k/" + k,
                "The convoy number " + k + " moved west near Kursk.");
    }

    /** Publishes {@code n} stories matching {@code nato} on as many feeds. */
    void publishNato(int n) {
        for (int k = 1; k <= n; k++) {
            addItem((k * 53 + 7) % load.feeds(), HeraldEndToEndTest.item("nato-" + k, "NATO drill " + k,
                    "https://news.example.org/n/" + k, "A NATO drill number " + k + " began."));
        }
    }

    Tally tally() {
        Map<String, Integer> seen = new HashMap<>();
        for (FakeTelegramServer.SentMessage m : telegram.allMessages()) {
            if (m.chatId() == COMMANDS) {
                continue;
            }
            Matcher story = STORY.matcher(m.plainText());
            while (story.find()) {
                seen.merge(m.chatId() + "/" + story.group(1), 1, Integer::sum);
            }
        }
        int lost = 0;
        for (int s = 1; s <= load.stories(); s++) {
            for (int c = 0; c < load.chats(); c++) {
                lost += seen.containsKey(chat(c) + "/" + s) ? 0 : 1;
            }
        }
        return new Tally(expectedAlerts(), seen.values().stream().mapToInt(Integer::intValue).sum(), lost,
                seen.values().stream().mapToInt(n -> n - 1).sum());
    }

    /** How many different nato stories reached the commands chat. */
    int natoAlerts() {
        Set<String> seen = new HashSet<>();
        for (FakeTelegramServer.SentMessage m : telegram.messagesTo(COMMANDS)) {
            Matcher nato = NATO.matcher(m.plainText());
            while (nato.find()) {
                seen.add(nato.group(1));
            }
        }
        return seen.size();
    }

    /** How many of the first {@code chats} chats have a pending alert held back by a retry_after in the outbox. */
    int chatsWaitingInTheOutbox(int chats) {
        List<String> destinations = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            destinations.add("telegram:" + chat(c));
        }
        return Integer.parseInt(pg.column("SELECT COUNT(DISTINCT destination)::text FROM outbox"
                + " WHERE status = 'pending'"
                + " AND next_attempt_at > (extract(epoch from clock_timestamp()) * 1000)::bigint"
                + " AND destination = ANY (string_to_array(?, ','))", String.join(",", destinations)).get(0));
    }

    /** The feeds the node is polling now, per Quartz's table (its instance id holds the process id). */
    List<String> pollsInFlight(Node node) {
        return pg.column("SELECT trigger_name FROM qrtz_fired_triggers WHERE state = 'EXECUTING'"
                + " AND instance_name LIKE ? ORDER BY trigger_name", "%-" + node.process().pid() + "-%");
    }

    int minRequests(Instant after) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < load.feeds(); i++) {
            min = (int) Math.min(min, feeds.requestTimes(path(i)).stream().filter(t -> t.isAfter(after)).count());
        }
        return min;
    }

    long requestsBetween(Instant from, Instant to) {
        long n = 0;
        for (int i = 0; i < load.feeds(); i++) {
            n += feeds.requestTimes(path(i)).stream().filter(t -> t.isAfter(from) && !t.isAfter(to)).count();
        }
        return n;
    }

    int totalRequests() {
        int n = 0;
        for (int i = 0; i < load.feeds(); i++) {
            n += feeds.requestCount(path(i));
        }
        return n;
    }

    Optional<Instant> firstRequestAfter(String feedId, Instant after) {
        return feeds.requestTimes("/" + feedId + ".xml").stream().filter(t -> t.isAfter(after)).findFirst();
    }

    /**
     * Each feed's polls came one interval apart (never closer: no feed polled twice in an interval by two nodes;
     * never later than {@code late} beyond it, or {@code takeover} across the kill) up to {@code end}.
     */
    void assertPolledOncePerInterval(Duration interval, Duration late, Instant steady, Instant killed,
                                     Duration takeover, Instant end) {
        for (int i = 0; i < load.feeds(); i++) {
            List<Instant> times = feeds.requestTimes(path(i));
            assertThat(times).as("%s polled", feedId(i)).isNotEmpty();
            for (int k = 1; k < times.size(); k++) {
                if (times.get(k - 1).isBefore(steady)) {
                    continue;
                }
                Duration gap = Duration.between(times.get(k - 1), times.get(k));
                boolean acrossTheKill = times.get(k - 1).isBefore(killed) && times.get(k).isAfter(killed);
                assertThat(gap).as("%s polled once per interval: requests %d and %d", feedId(i), k - 1, k)
                        .isGreaterThanOrEqualTo(acrossTheKill ? Duration.ZERO : interval)
                        .isLessThanOrEqualTo(interval.plus(load.feedDelay()).plus(acrossTheKill ? takeover : late));
            }
            assertThat(Duration.between(times.get(times.size() - 1), end)).as("%s still polled", feedId(i))
                    .isLessThanOrEqualTo(interval.plus(load.feedDelay()).plus(late));
        }
    }

    /** The median and the largest gap between two polls of a feed, both polls between {@code from} and {@code to}. */
    String pollGaps(Instant from, Instant to) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < load.feeds(); i++) {
            List<Instant> times = feeds.requestTimes(path(i));
            for (int k = 1; k < times.size(); k++) {
                if (times.get(k - 1).isAfter(from) && times.get(k).isBefore(to)) {
                    gaps.add(Duration.between(times.get(k - 1), times.get(k)).toMillis());
                }
            }
        }
        java.util.Collections.sort(gaps);
        return gaps.isEmpty() ? "no gaps" : "gap median " + gaps.get(gaps.size() / 2) + " ms, p99 "
                + gaps.get(gaps.size() * 99 / 100) + " ms, max " + gaps.get(gaps.size() - 1) + " ms";
    }

    /** Starts {@code herald run} in a JVM of its own, with an HTTP port of its own. */
    Node launch(String name) throws IOException {
        return launch(name, pg.url());
    }

    /** As {@link #launch(String)}, reaching the database at {@code databaseUrl} (e.g. through a proxy). */
    Node launch(String name, String databaseUrl) throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--config", dir.resolve("herald.yml").toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("TELEGRAM_") || k.startsWith("HERALD_"));
        env.put("HERALD_DB", databaseUrl);
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("HERALD_HTTP_PORT", Integer.toString(port));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Node node = new Node(name, pb.start(), port, http);
        nodes.add(node);
        return node;
    }

    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; nodes: "
                        + nodes.stream().map(n -> n.name() + " " + n.ready()).toList());
            }
            Thread.sleep(200);
        }
    }

    /** The last lines of a node's log, for a failure's message. */
    String tail(Node node, int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve(node.name() + ".log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (publisher != null) {
            publisher.interrupt();
        }
        for (Node n : nodes) {
            n.process().destroyForcibly();
        }
        for (Node n : nodes) {
            n.process().waitFor(15, TimeUnit.SECONDS);
        }
    }

    /** One {@code herald run} JVM. */
    record Node(String name, Process process, int port, HttpClient http) {
        /** {@code /health/ready}'s body, or empty when it does not answer. */
        String ready() {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        /** Each leader role and whether this node leads it, from {@code /health/ready}. */
        Map<String, String> roles() {
            Map<String, String> out = new LinkedHashMap<>();
            String body = ready();
            if (body.isEmpty() || !process.isAlive()) {
                return out;
            }
            try {
                JsonNode roles = JSON.readTree(body).path("roles");
                roles.fieldNames().forEachRemaining(f -> out.put(f, roles.path(f).asText()));
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
            return out;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        }
    }
}
