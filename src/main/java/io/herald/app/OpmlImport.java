package io.herald.app;

import io.herald.config.FeedConfig;
import io.herald.feed.FeedException;
import io.herald.feed.Opml;
import io.herald.store.ChatFeed;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an OPML document into chat-added feeds, all or nothing: every bad URL and every duplicate (of a feed Herald
 * already has, or of an earlier line) is reported as {@code file:line: message}. Ids come from the document's
 * {@code herald-id} (an export's), else from the title, else from the host, made unique.
 */
final class OpmlImport {
    private static final String ID = "[a-z0-9-]+";

    /** The feeds to add, or the problems (then nothing may be added). */
    record Plan(List<ChatFeed> feeds, List<String> problems) {
    }

    private OpmlImport() {
    }

    static Plan plan(String fileName, byte[] document, List<FeedConfig> existing, Duration interval, String by,
                     Instant now) {
        List<Opml.Outline> outlines;
        try {
            outlines = Opml.read(document);
        } catch (FeedException e) {
            return new Plan(List.of(), List.of(fileName + ": " + e.getMessage().replaceFirst("^opml: ", "")));
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> urls = new HashMap<>();
        for (FeedConfig f : existing) {
            ids.add(f.id());
            urls.put(key(f.url().toString()), "feed " + f.id());
        }
        List<ChatFeed> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (outlines.isEmpty()) {
            problems.add(fileName + ": no feed outlines (outline elements with an xmlUrl)");
        }
        for (Opml.Outline o : outlines) {
            String where = fileName + ":" + o.line() + ": ";
            Optional<String> bad = badUrl(o.xmlUrl());
            if (bad.isPresent()) {
                problems.add(where + "bad URL \"" + o.xmlUrl() + "\": " + bad.get());
                continue;
            }
            String seen = urls.get(key(o.xmlUrl()));
            if (seen != null) {
                problems.add(where + "duplicate: " + o.xmlUrl() + " is already " + seen);
                continue;
            }
            urls.put(key(o.xmlUrl()), "on line " + o.line());
            String id = unique(o.heraldId().filter(h -> h.matches(ID))
                    .orElseGet(() -> slug(o.title().orElse(""), o.xmlUrl())), ids);
            ids.add(id);
            feeds.add(new ChatFeed(id, o.xmlUrl(), interval, o.title().orElse(""), by, now));
        }
        return problems.isEmpty() ? new Plan(feeds, List.of()) : new Plan(List.of(), problems);
    }

    /** Why a feed URL cannot be polled, if it cannot. */
    static Optional<String> badUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("only http and https URLs can be polled");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("it has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(e.getReason());
        }
    }

    /** The same feed URL however it was written: scheme and host in lower case, no default port, no fragment. */
    static String key(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            int port = u.getPort() == 80 && scheme.equals("http") || u.getPort() == 443 && scheme.equals("https")
                    ? -1 : u.getPort();
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    /** A feed id from a title or, without one, the URL's host: lower-case letters, digits and hyphens. */
    static String slug(String title, String url) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            try {
                String host = new URI(url).getHost();
                base = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "")
                        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            } catch (URISyntaxException e) {
                base = "";
            }
        }
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-+$", "");
        }
        return base.isEmpty() ? "feed" : base;
    }

    static String unique(String id, Set<String> taken) {
        if (!taken.contains(id)) {
            return id;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(id + "-" + n)) {
                return id + "-" + n;
            }
        }
    }
}
