package io.herald.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A feed web server on 127.0.0.1 for tests. Tests publish documents at paths (and replace them at any time to
 * "publish" new items); every document gets an ETag and a Last-Modified, and matching conditional requests are
 * answered 304. Per-path hooks: gzip, a status-code override, a redirect. Thread-safe.
 */
public final class FeedServer implements AutoCloseable {
    /** The content type of the RSS feeds the tests publish. */
    public static final String RSS = "application/rss+xml; charset=utf-8";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private record Document(String contentType, byte[] body, String etag, Instant lastModified) {
    }

    private record Redirect(int status, String location) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Redirect> redirects = new ConcurrentHashMap<>();
    private final Set<String> gzipped = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> arrivals = new ConcurrentHashMap<>();

    private FeedServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 on a free port. */
    public static FeedServer start() {
        return start(4);
    }

    /** Starts a server on 127.0.0.1 on a free port answering up to {@code threads} requests at once. */
    public static FeedServer start(int threads) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "feed-server");
                t.setDaemon(true);
                return t;
            });
            FeedServer feedServer = new FeedServer(http, executor);
            http.createContext("/", feedServer::handle);
            http.setExecutor(executor);
            http.start();
            return feedServer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the feed server", e);
        }
    }

    /** The absolute URL of a path on this server, e.g. {@code url("/world.rss")}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code body} (UTF-8) at {@code path}, replacing what was there. */
    public void publish(String path, String contentType, String body) {
        publish(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves raw bytes at {@code path}, replacing what was there; Last-Modified moves forward by at least 1 s. */
    public void publish(String path, String contentType, byte[] body) {
        documents.compute(path, (p, old) -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            boolean sameSecond = old != null && !now.isAfter(old.lastModified());
            Instant modified = sameSecond ? old.lastModified().plusSeconds(1) : now;
            return new Document(contentType, body.clone(), etag(contentType, body), modified);
        });
    }

    /** Sends the path's body gzip-compressed (Content-Encoding: gzip). */
    public void gzip(String path, boolean enabled) {
        if (enabled) {
            gzipped.add(path);
        } else {
            gzipped.remove(path);
        }
    }

    /** Answers every request for the path with this status (and a short text body) until {@link #clear}. */
    public void status(String path, int status) {
        statuses.put(path, status);
    }

    /** Answers every request for the path with a redirect until {@link #clear}. */
    public void redirect(String path, int status, String location) {
        redirects.put(path, new Redirect(status, location));
    }

    /** Removes the status override and redirect of a path (its document stays). */
    public void clear(String path) {
        statuses.remove(path);
        redirects.remove(path);
    }

    /** Holds every answer for the path this long before sending it: a slow server, so polls stay in flight. */
    public void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** When each request for the path arrived, oldest first (query strings ignored). */
    public List<Instant> requestTimes(String path) {
        List<Instant> times = arrivals.getOrDefault(path, List.of());
        synchronized (times) {
            return List.copyOf(times);
        }
    }

    /** How many requests arrived for the path (query strings ignored). */
    public int requestCount(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    /** A header of the latest request for the path. */
    public Optional<String> lastRequestHeader(String path, String name) {
        return Optional.ofNullable(lastHeaders.get(path)).map(h -> h.getFirst(name));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            List<Instant> times = arrivals.computeIfAbsent(path, p -> new ArrayList<>());
            synchronized (times) {
                times.add(Instant.now());
            }
            lastHeaders.put(path, exchange.getRequestHeaders());
            hold(delays.get(path));
            Redirect redirect = redirects.get(path);
            Integer status = statuses.get(path);
            Document document = documents.get(path);
            if (redirect != null) {
                exchange.getResponseHeaders().set("Location", redirect.location());
                send(exchange, redirect.status(), "text/plain", "moved".getBytes(StandardCharsets.UTF_8));
            } else if (status != null) {
                send(exchange, status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8));
            } else if (document == null) {
                send(exchange, 404, "text/plain", "no such feed".getBytes(StandardCharsets.UTF_8));
            } else {
                serve(exchange, path, document);
            }
        }
    }

    private static void hold(Duration delay) {
        if (delay == null) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange, String path, Document document) throws IOException {
        Headers response = exchange.getResponseHeaders();
        response.set("ETag", document.etag());
        response.set("Last-Modified", HTTP_DATE.format(document.lastModified().atZone(ZoneOffset.UTC)));
        if (notModified(exchange.getRequestHeaders(), document)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        byte[] body = document.body();
        if (gzipped.contains(path)) {
            response.set("Content-Encoding", "gzip");
            body = gzip(body);
        }
        send(exchange, 200, document.contentType(), body);
    }

    private static boolean notModified(Headers request, Document document) {
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim().replaceFirst("^W/", "");
                if (t.equals("*") || t.equals(document.etag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getFirst("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), HTTP_DATE).toInstant();
            return !document.lastModified().isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        boolean bodyless = status == 204 || status == 304 || body.length == 0;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    private static String etag(String contentType, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(contentType.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return "\"" + HexFormat.of().formatHex(digest.digest()).substring(0, 20) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
