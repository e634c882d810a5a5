package io.herald.feed.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server of many RSS feeds for the polling benchmark, run in its own process so that its CPU is not
 * counted: every answer waits 50-500 ms; a conditional request is answered 304 one time in five; otherwise the
 * feed has gained a story since the last answer. Prints {@code port=N} when ready; stops when stdin closes.
 */
public final class FeedFarm {
    private static final int ITEMS = 20;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    public static void main(String[] args) throws Exception {
        FeedFarm farm = new FeedFarm();
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
        server.createContext("/", farm::handle);
        server.setExecutor(Executors.newFixedThreadPool(600));
        server.start();
        System.out.println("port=" + server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close stdin
        }
        System.out.println("answers=" + farm.answers.get() + " notModified=" + farm.notModified.get());
        server.stop(0);
        System.exit(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 501));
            String path = exchange.getRequestURI().getPath();
            answers.incrementAndGet();
            boolean conditional = exchange.getRequestHeaders().containsKey("If-None-Match");
            if (conditional && ThreadLocalRandom.current().nextInt(5) == 0) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            long version = versions.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            byte[] body = rss(path, version).getBytes(StandardCharsets.UTF_8);
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

    private static String rss(String path, long version) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Feed " + path + "</title><link>http://farm.test" + path + "</link><description>bench"
                + "</description>");
        for (long n = version; n > version - ITEMS && n > 0; n--) {
            sb.append("<item><title>Story ").append(n).append(" on ").append(path)
                    .append(n % 50 == 0 ? " about Kursk" : "").append("</title><link>http://farm.test").append(path)
                    .append("/story/").append(n).append("</link><guid>").append(path).append('#').append(n)
                    .append("</guid><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Paragraph"
                            + " one of story ").append(n).append(" with some &amp;amp; entities and words to match."
                            + "&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }
}
