package io.herald.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds an HTML page announces: {@code <link rel="alternate" type="application/rss+xml|atom+xml|feed+json"
 * href="...">} (also {@code application/json} with a feed-like title), resolved against the page's URL or its
 * {@code <base href>}; only http(s) links, in document order, without repeats.
 */
public final class FeedDiscovery {
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/rdf+xml");

    private FeedDiscovery() {
    }

    /** Whether the bytes look like an HTML page rather than a feed. */
    public static boolean looksLikeHtml(byte[] body, Optional<String> contentType) {
        if (contentType.map(t -> t.toLowerCase(Locale.ROOT).contains("html")).orElse(false)) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<head");
    }

    /** The feed URLs the page announces, best first (document order). */
    public static List<URI> alternates(byte[] html, URI pageUrl) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl.toString());
        } catch (IOException e) {
            return List.of();
        }
        List<URI> found = new ArrayList<>();
        for (Element link : page.select("link[rel][type][href]")) {
            List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
            if (!rels.contains("alternate") || !FEED_TYPES.contains(type)) {
                continue;
            }
            absolute(link.absUrl("href")).filter(u -> !found.contains(u)).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<URI> absolute(String href) {
        if (href.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(href.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
