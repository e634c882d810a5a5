package io.herald.feed;

import io.herald.model.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feeds over HTTP(S) and parses RSS, Atom and JSON Feed documents into {@link ParsedFeed}s.
 *
 * <p>Fetching sends conditional requests, accepts gzip/deflate, follows up to five redirects (each hop checked
 * by the SSRF guard unless {@link FetchPolicy#allowPrivateAddresses()}), and caps the body size. Thread-safe: one
 * instance can serve every feed.
 */
public final class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);
    private final FetchPolicy policy;
    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final UnreadableDates unreadableDates = new UnreadableDates();

    public FeedReader(FetchPolicy policy) {
        this(policy, AddressClassifier::forbiddenKind);
    }

    /** With another address classifier: lets tests refuse addresses other than the loopback they serve on. */
    FeedReader(FetchPolicy policy, Function<InetAddress, Optional<String>> classifier) {
        this.policy = policy;
        this.fetcher = new HttpFetcher(policy, classifier);
    }

    /**
     * Fetches and parses one feed.
     *
     * @param feedId   the configured feed id, used in items and error messages
     * @param url      an http or https URL
     * @param previous validators from the last successful fetch, or {@link Validators#NONE}
     * @return the outcome; its feed is empty when the server answered 304 Not Modified
     * @throws FeedException with a one-sentence message when fetching or parsing fails
     */
    public FetchOutcome read(String feedId, URI url, Validators previous) throws FeedException {
        HttpFetcher.Fetched fetched = fetcher.fetch(feedId, url, previous);
        LOG.debug("feed {}: {} from {}{} ({} bytes)", feedId, fetched.notModified() ? "not modified" : "fetched",
                fetched.finalUrl(), fetched.movedPermanently() ? " (moved permanently)" : "", fetched.body().length);
        if (fetched.notModified()) {
            return new FetchOutcome(fetched.finalUrl(), fetched.movedPermanently(), Optional.empty(),
                    fetched.validators(), fetched.maxAge());
        }
        URI base = documentBase(fetched.finalUrl(), fetched.contentLocation());
        FeedDocument document = parser.document(feedId, gunzipIfCompressed(feedId, fetched.body()),
                fetched.contentType(), Optional.of(base));
        unreadableDates.report(feedId, document);
        return new FetchOutcome(fetched.finalUrl(), fetched.movedPermanently(), Optional.of(document.feed()),
                fetched.validators(), CacheHints.max(fetched.maxAge(), document.ttl()));
    }

    /**
     * Fetches {@code url} once; when it is an HTML page rather than a feed, follows the first feed the page announces
     * ({@code <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">}). Same limits and SSRF guard as
     * polls.
     *
     * @throws FeedException when neither the URL nor a feed it announces can be read, in one sentence
     */
    public Discovered discover(String who, URI url) throws FeedException {
        HttpFetcher.Fetched fetched = fetcher.fetch(who, url, Validators.NONE);
        byte[] body = gunzipIfCompressed(who, fetched.body());
        URI base = documentBase(fetched.finalUrl(), fetched.contentLocation());
        try {
            return new Discovered(fetched.finalUrl(), parse(who, body, fetched.contentType(), base), Optional.empty());
        } catch (FeedException notAFeed) {
            if (!FeedDiscovery.looksLikeHtml(body, fetched.contentType())) {
                throw notAFeed;
            }
            List<URI> feeds = FeedDiscovery.alternates(body, base);
            if (feeds.isEmpty()) {
                throw new FeedException(who + ": " + url + " is a web page that announces no feed"
                        + " (no <link rel=\"alternate\" type=\"application/rss+xml\"> or Atom or JSON Feed link)");
            }
            FetchOutcome outcome = read(who, feeds.get(0), Validators.NONE);
            ParsedFeed feed = outcome.feed().orElseThrow(() -> new FeedException(
                    who + ": the feed " + feeds.get(0) + " answered 304 Not Modified to a first request"));
            return new Discovered(feeds.get(0), feed, Optional.of(fetched.finalUrl()));
        }
    }

    /**
     * A feed found by {@link #discover}.
     *
     * @param feedUrl the feed's own URL (to poll)
     * @param page    the HTML page that announced it, when the URL given was a page
     */
    public record Discovered(URI feedUrl, ParsedFeed feed, Optional<URI> page) {
    }

    /**
     * Fetches any page (e.g. an article) with the same limits, redirect rules and SSRF guard as feeds.
     *
     * @param who names the request in error messages, e.g. {@code "article"}
     */
    public Page fetchPage(String who, URI url) throws FeedException {
        HttpFetcher.Fetched fetched = fetcher.fetch(who, url, Validators.NONE);
        return new Page(fetched.finalUrl(), fetched.body(), fetched.contentType());
    }

    /** A fetched page: where it came from after redirects, its bytes and its Content-Type. */
    public record Page(URI finalUrl, byte[] body, Optional<String> contentType) {
    }

    /**
     * Parses a feed document.
     *
     * @param contentType the HTTP Content-Type, whose charset wins over the XML declaration
     * @param base        the document's URL, against which relative links are resolved; null when there is none
     *                    (relative links are then kept as written)
     */
    public ParsedFeed parse(String feedId, byte[] body, Optional<String> contentType, URI base)
            throws FeedException {
        FeedDocument document = parser.document(feedId, gunzipIfCompressed(feedId, body), contentType,
                Optional.ofNullable(base));
        unreadableDates.report(feedId, document);
        return document.feed();
    }

    /**
     * The base URI of a fetched document: its {@code Content-Location} when that is an http(s) URI (absolute or
     * relative to the URL), else the URL itself.
     */
    public static URI documentBase(URI url, Optional<String> contentLocation) {
        if (contentLocation.isEmpty() || contentLocation.get().isBlank()) {
            return url;
        }
        try {
            URI resolved = url.resolve(contentLocation.get().strip());
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(java.util.Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Gzip bytes without a Content-Encoding (saved .gz files, misconfigured servers) are unpacked, capped. */
    private byte[] gunzipIfCompressed(String feedId, byte[] body) throws FeedException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream in = Bodies.decode(new ByteArrayInputStream(body), "gzip")) {
            return Bodies.readCapped(in, policy.maxBodyBytes());
        } catch (Bodies.TooLargeException e) {
            throw new FeedException("feed " + feedId + ": the unpacked document is larger than "
                    + Bodies.size(policy.maxBodyBytes()), e);
        } catch (IOException e) {
            throw new FeedException("feed " + feedId + ": the gzip-compressed document is damaged ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Parses a feed file (for {@code feed inspect FILE}). A file is no base for links: relative links resolve only
     * against an {@code xml:base} or a JSON Feed {@code home_page_url} in the document, else stay as written.
     */
    public ParsedFeed readFile(String feedId, Path file) throws FeedException {
        byte[] body;
        try (InputStream in = Files.newInputStream(file)) {
            body = Bodies.readCapped(in, policy.maxBodyBytes());
        } catch (NoSuchFileException e) {
            throw new FeedException("feed " + feedId + ": no such file " + file, e);
        } catch (Bodies.TooLargeException e) {
            throw new FeedException("feed " + feedId + ": " + e.getMessage() + " (" + file + ")", e);
        } catch (IOException e) {
            throw new FeedException("feed " + feedId + ": cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        return parse(feedId, body, Optional.empty(), null);
    }
}
