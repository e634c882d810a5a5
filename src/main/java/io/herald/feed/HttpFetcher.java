package io.herald.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** HTTP GET of one feed URL: conditional, compressed, size-capped, redirects followed by hand with the SSRF guard. */
final class HttpFetcher {
    static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    /** A successful exchange: status 200 with a body, or 304 without one. */
    record Fetched(URI finalUrl, boolean movedPermanently, boolean notModified, byte[] body,
            Optional<String> contentType, Validators validators, Optional<Duration> maxAge,
            Optional<String> contentLocation) {
    }

    private final FetchPolicy policy;
    private final OkHttpClient client;
    private final Optional<GuardedDns> guard;
    private final HostLimits limits;
    private final Clock clock = Clock.systemUTC();

    HttpFetcher(FetchPolicy policy, Function<InetAddress, Optional<String>> classifier) {
        this.policy = policy;
        this.limits = new HostLimits(policy.perHostConcurrency(), policy.globalConcurrency());
        this.guard = policy.allowPrivateAddresses()
                ? Optional.empty() : Optional.of(new GuardedDns(Dns.SYSTEM, classifier));
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        guard.ifPresent(g -> builder.socketFactory(new GuardedSocketFactory(g)));
        this.client = builder
                .connectTimeout(policy.connectTimeout())
                .readTimeout(policy.readTimeout())
                .callTimeout(policy.totalTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)
                .dns(guard.map(Dns.class::cast).orElse(Dns.SYSTEM))
                .build();
    }

    Fetched fetch(String feedId, URI url, Validators previous) throws FeedException {
        long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
        URI current = url;
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            HttpUrl httpUrl = checkedUrl(feedId, current);
            try (HostLimits.Slot slot = slot(feedId, httpUrl, deadline); Response response = execute(httpUrl, previous, deadline)) {
                int code = response.code();
                if (!isRedirect(code)) {
                    return finish(feedId, current, hop > 0 && permanent, response, previous);
                }
                if (hop == MAX_REDIRECTS) {
                    throw new FeedException("feed " + feedId + ": too many redirects (more than " + MAX_REDIRECTS
                            + ") starting from " + url);
                }
                current = redirectTarget(feedId, current, response.header("Location"));
                permanent &= code == 301 || code == 308;
            } catch (IOException e) {
                throw failure(feedId, current, e);
            }
        }
    }

    /** A connection slot for the URL's host and port, waited for within the fetch's own time budget. */
    private HostLimits.Slot slot(String feedId, HttpUrl url, long deadline) throws FeedException {
        try {
            return limits.acquire(url.host(), url.port(), deadline).orElseThrow(() -> new FeedException("feed "
                    + feedId + ": " + url.host() + ":" + url.port() + " is busy with other fetches; no connection"
                    + " slot came free within " + policy.totalTimeout().toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("feed " + feedId + ": interrupted while waiting to fetch " + url, e);
        }
    }

    private Response execute(HttpUrl url, Validators previous, long deadline) throws IOException {
        Request.Builder request = new Request.Builder().url(url).get()
                .header("User-Agent", policy.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        previous.etag().ifPresent(v -> request.header("If-None-Match", v));
        previous.lastModified().ifPresent(v -> request.header("If-Modified-Since", v));
        okhttp3.Call call = client.newCall(request.build());
        long remaining = Math.max(1, deadline - System.nanoTime());
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        return call.execute();
    }

    private Fetched finish(String feedId, URI url, boolean moved, Response response, Validators previous)
            throws IOException, FeedException {
        int code = response.code();
        Optional<Duration> maxAge = CacheHints.maxAge(response.header("Cache-Control"));
        if (code == 304) {
            return new Fetched(url, moved, true, new byte[0], Optional.empty(), merge(response, previous), maxAge,
                    Optional.empty());
        }
        if (code < 200 || code > 299) {
            Optional<Duration> retryAfter = code == 429 || code == 503
                    ? CacheHints.retryAfter(response.header("Retry-After"), clock) : Optional.empty();
            throw new FeedException("feed " + feedId + ": HTTP " + code + " " + reason(response) + " from " + url
                    + retryAfter.map(d -> " (retry after " + d.toSeconds() + " s)").orElse(""), null,
                    retryAfter.orElse(null));
        }
        String encoding = response.header("Content-Encoding");
        long declared = response.body().contentLength();
        if ((encoding == null || encoding.isBlank()) && declared > policy.maxBodyBytes()) {
            throw new Bodies.TooLargeException(policy.maxBodyBytes());
        }
        byte[] body;
        try (InputStream in = Bodies.decode(response.body().byteStream(), encoding)) {
            body = Bodies.readCapped(in, policy.maxBodyBytes());
        }
        Validators validators = new Validators(header(response, "ETag"), header(response, "Last-Modified"));
        return new Fetched(url, moved, false, body, header(response, "Content-Type"), validators, maxAge,
                header(response, "Content-Location"));
    }

    private static Validators merge(Response response, Validators previous) {
        return new Validators(header(response, "ETag").or(previous::etag),
                header(response, "Last-Modified").or(previous::lastModified));
    }

    private static Optional<String> header(Response response, String name) {
        return Optional.ofNullable(response.header(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private HttpUrl checkedUrl(String feedId, URI url) throws FeedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FeedException("feed " + feedId + ": only http and https URLs can be fetched, not " + url);
        }
        HttpUrl httpUrl = HttpUrl.parse(url.toString());
        if (httpUrl == null) {
            throw new FeedException("feed " + feedId + ": " + url + " is not a valid URL");
        }
        if (guard.isPresent()) {
            Optional<InetAddress> literal = AddressClassifier.literal(httpUrl.host());
            if (literal.isPresent()) {
                try {
                    guard.get().check(httpUrl.host(), literal.get());
                } catch (ForbiddenAddressException e) {
                    throw new FeedException("feed " + feedId + ": refusing to fetch " + url + ": " + e.sentence(), e);
                }
            }
        }
        return httpUrl;
    }

    private static URI redirectTarget(String feedId, URI current, String location) throws FeedException {
        if (location == null || location.isBlank()) {
            throw new FeedException("feed " + feedId + ": redirect without a Location header from " + current);
        }
        try {
            return current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            HttpUrl resolved = HttpUrl.get(current.toString()).resolve(location.trim());
            if (resolved == null) {
                throw new FeedException("feed " + feedId + ": invalid redirect Location \"" + location
                        + "\" from " + current, e);
            }
            return resolved.uri();
        }
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private FeedException failure(String feedId, URI url, IOException e) {
        String prefix = "feed " + feedId + ": ";
        Optional<ForbiddenAddressException> forbidden = find(e, ForbiddenAddressException.class);
        if (forbidden.isPresent()) {
            return new FeedException(prefix + "refusing to fetch " + url + ": " + forbidden.get().sentence(), e);
        }
        if (e instanceof Bodies.TooLargeException) {
            return new FeedException(prefix + e.getMessage() + " (" + url + ")", e);
        }
        if (e instanceof UnknownHostException) {
            return new FeedException(prefix + "cannot resolve host " + url.getHost() + " of " + url, e);
        }
        if (e instanceof InterruptedIOException) {
            return new FeedException(prefix + "timed out fetching " + url, e);
        }
        if (e instanceof ConnectException) {
            return new FeedException(prefix + "cannot connect to " + url + " (" + e.getMessage() + ")", e);
        }
        return new FeedException(prefix + "cannot fetch " + url + " (" + e.getMessage() + ")", e);
    }

    private static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
            for (Throwable s : c.getSuppressed()) {
                if (type.isInstance(s)) {
                    return Optional.of(type.cast(s));
                }
            }
        }
        return Optional.empty();
    }

    private static String reason(Response response) {
        String message = response.message();
        return message == null || message.isBlank() ? HttpReasons.phrase(response.code()) : message.trim();
    }
}
