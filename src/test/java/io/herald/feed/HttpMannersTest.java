package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server hints for the next poll (Retry-After, Cache-Control, ttl), Content-Location and concurrency caps. */
class HttpMannersTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>T</title><link>/home</link>%s"
            + "<description>d</description><item><title>a</title><link>rel/a</link></item></channel></rss>";

    private final HttpServer server = start();
    private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile long delayMillis;
    private volatile String ttl = "";

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            s.createContext("/", this::handle);
            s.setExecutor(Executors.newCachedThreadPool());
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean counted = true;
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            // counted until the answer starts: once the body is out the client may read it, free its slot and send
            // its next request before this thread gets to the finally block
            inFlight.decrementAndGet();
            counted = false;
            String path = exchange.getRequestURI().getPath();
            headers.getOrDefault(path, Map.of()).forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = String.format(RSS, ttl).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(statuses.getOrDefault(path, 200), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void retryAfterOn429IsCarriedByTheFailure() {
        statuses.put("/busy", 429);
        headers.put("/busy", Map.of("Retry-After", "120"));

        FeedException e = catchThrowableOfType(FeedException.class,
                () -> new FeedReader(FetchPolicy.defaults(true)).read("f", url("/busy"), Validators.NONE));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.getMessage()).contains("HTTP 429").contains("retry after 120 s");
    }

    @Test
    void retryAfterAsHttpDateOn503() {
        statuses.put("/down", 503);
        headers.put("/down", Map.of("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT"));

        FeedException e = catchThrowableOfType(FeedException.class,
                () -> new FeedReader(FetchPolicy.defaults(true)).read("f", url("/down"), Validators.NONE));

        assertThat(e.retryAfter()).contains(Duration.ofDays(7));
    }

    @Test
    void cacheControlMaxAgeAndTtlGiveTheLargerLowerBound() throws Exception {
        headers.put("/cached", Map.of("Cache-Control", "public, max-age=900"));
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true));

        assertThat(reader.read("f", url("/cached"), Validators.NONE).minInterval()).contains(Duration.ofMinutes(15));
        ttl = "<ttl>60</ttl>";
        assertThat(reader.read("f", url("/cached"), Validators.NONE).minInterval()).contains(Duration.ofHours(1));
        assertThat(reader.read("f", url("/plain"), Validators.NONE).minInterval()).contains(Duration.ofHours(1));
        ttl = "";
        assertThat(reader.read("f", url("/plain"), Validators.NONE).minInterval()).isEmpty();
    }

    @Test
    void contentLocationIsTheBaseForRelativeLinks() throws Exception {
        headers.put("/moved", Map.of("Content-Location", "/news/feed.xml"));

        FetchOutcome outcome = new FeedReader(FetchPolicy.defaults(true)).read("f", url("/moved"), Validators.NONE);

        assertThat(outcome.feed().orElseThrow().items().get(0).link()).isEqualTo(url("/news/rel/a").toString());
    }

    @Test
    void unsafeContentLocationIsIgnored() {
        assertThat(FeedReader.documentBase(URI.create("https://a.example/f"), java.util.Optional.of("javascript:x")))
                .isEqualTo(URI.create("https://a.example/f"));
    }

    @Test
    void perHostConcurrencyIsCapped() throws Exception {
        delayMillis = 150;
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true).withConcurrency(2, 16));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<FetchOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String path = "/f" + i;
                futures.add(pool.submit(() -> reader.read("f", url(path), Validators.NONE)));
            }
            for (Future<FetchOutcome> f : futures) {
                assertThat(f.get().feed()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void globalConcurrencyIsCapped() throws Exception {
        delayMillis = 150;
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true).withConcurrency(5, 3));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<FetchOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                URI u = i % 2 == 0 ? url("/g" + i)
                        : URI.create("http://localhost:" + server.getAddress().getPort() + "/g" + i);
                futures.add(pool.submit(() -> reader.read("f", u, Validators.NONE)));
            }
            for (Future<FetchOutcome> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peak.get()).isEqualTo(3);
    }
}
