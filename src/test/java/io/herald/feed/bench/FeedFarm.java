package io.herald.feed.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server of many RSS feeds for the polling benchmarks, run in its own process so that its CPU is not
 * counted. Each feed is the size real news feeds are: between 20 and 200 KB (log-uniform over the feeds, fixed per
 * feed), 20 to 60 items with an HTML description of a few sentences and a {@code content:encoded} article of
 * several paragraphs, English-like words. Every answer waits a random time within {@code farm.latency} (default
 * {@code 50-500} ms); a conditional request is answered 304 one time in five; otherwise the feed has gained a story
 * since the last answer (from the first answer on, each feed lists all its stories). Prints {@code port=N} when
 * ready; stops when stdin closes.
 */
public final class FeedFarm {
    static final int MIN_BYTES = 20 * 1024;
    static final int MAX_BYTES = 200 * 1024;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String[] WORDS = ("the of and to in a is that for on was with as it by at from his an be "
            + "have are this has which not were but they had their its been who after one new two said would also "
            + "more than first other government minister president council city people police year years state "
            + "country officials military troops talks war south coast river bridge summit border "
            + "market prices energy storm flood climate court report health hospital school company workers union "
            + "vote party leader capital region village attack forces support agreement statement spokesman week")
            .split(" ");

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> stories = new ConcurrentHashMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long minLatency;
    private final long maxLatency;

    FeedFarm(long minLatency, long maxLatency) {
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
    }

    public static void main(String[] args) throws Exception {
        String[] latency = System.getProperty("farm.latency", "50-500").split("-");
        FeedFarm farm = new FeedFarm(Long.parseLong(latency[0]), Long.parseLong(latency[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
        server.createContext("/", farm::handle);
        server.setExecutor(Executors.newFixedThreadPool(600));
        server.start();
        System.out.println("port=" + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close stdin
        }
        System.out.println("answers=" + farm.answers.get() + " notModified=" + farm.notModified.get()
                + " MB served=" + farm.bytes.get() / 1_000_000);
        server.stop(0);
        System.exit(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (maxLatency > 0) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(minLatency, maxLatency + 1));
            }
            String path = exchange.getRequestURI().getPath();
            answers.incrementAndGet();
            boolean conditional = exchange.getRequestHeaders().containsKey("If-None-Match");
            if (conditional && ThreadLocalRandom.current().nextInt(5) == 0) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            long version = versions.computeIfAbsent(path, p -> new AtomicLong(1000)).incrementAndGet();
            byte[] body = rss(path, version).getBytes(StandardCharsets.UTF_8);
            bytes.addAndGet(body.length);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().add("ETag", "\"" + path.hashCode() + "-" + version + "\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** The feed at a version: its newest stories first, as many as make up its size. */
    String rss(String path, long version) {
        List<String> texts = stories.computeIfAbsent(path, FeedFarm::storiesOf);
        StringBuilder sb = new StringBuilder(MAX_BYTES + 4096).append("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Feed ").append(path).append("</title><link>http://farm.test").append(path)
                .append("</link><description>bench</description>");
        for (int k = 0; k < texts.size() && version - k > 0; k++) {
            long n = version - k;
            sb.append("<item><title>Story ").append(n).append(" on ").append(path)
                    .append(n % 50 == 0 ? " about Kursk" : "").append("</title><link>http://farm.test").append(path)
                    .append("/story/").append(n).append("</link><guid>").append(path).append('#').append(n)
                    .append("</guid><pubDate>").append(RFC_1123.format(Instant.ofEpochSecond(1_700_000_000L + n * 600)))
                    .append("</pubDate>").append(texts.get((int) (n % texts.size()))).append("</item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    /** The description and content of a feed's stories, made once per feed so that answering costs little. */
    private static List<String> storiesOf(String path) {
        SplittableRandom random = new SplittableRandom(path.hashCode());
        double share = random.nextDouble();
        int target = (int) Math.round(MIN_BYTES * Math.pow((double) MAX_BYTES / MIN_BYTES, share));
        int count = 20 + random.nextInt(41);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int itemBytes = target / count - 250;
            String summary = sentences(random, 2 + random.nextInt(3));
            StringBuilder content = new StringBuilder();
            while (content.length() < itemBytes - summary.length() - 120) {
                content.append("&lt;p&gt;").append(sentences(random, 3 + random.nextInt(4))).append("&lt;/p&gt;");
            }
            out.add("<description>&lt;p&gt;" + summary + "&lt;/p&gt;</description><content:encoded>"
                    + content + "</content:encoded>");
        }
        return out;
    }

    private static String sentences(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < count; s++) {
            int words = 8 + random.nextInt(18);
            for (int w = 0; w < words; w++) {
                String word = WORDS[(int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 30)];
                out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                        .append(w == words - 1 ? ". " : random.nextInt(12) == 0 ? ", " : " ");
            }
        }
        return out.toString();
    }
}
