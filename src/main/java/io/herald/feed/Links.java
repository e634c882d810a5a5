package io.herald.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Link resolution and canonical forms used for item identity. */
final class Links {

    private Links() {
    }

    /**
     * The link made absolute against {@code base} when that is a real base (an absolute http or https URI: the
     * feed's URL, an {@code xml:base}, a JSON Feed's {@code home_page_url}); without one a relative link is kept as
     * written, never resolved against a local path. Absolute links are kept only when they are http or https;
     * empty when there is no usable link.
     */
    static String absolute(String href, Optional<URI> base) {
        if (href == null || href.isBlank()) {
            return "";
        }
        String written = href.strip();
        Optional<URI> uri = parse(written);
        if (uri.isEmpty()) {
            return "";
        }
        if (uri.get().isAbsolute()) {
            return isWeb(uri.get()) ? uri.get().toString() : "";
        }
        Optional<URI> real = base.filter(Links::isWeb);
        if (real.isEmpty()) {
            return written;
        }
        try {
            URI resolved = real.get().resolve(uri.get());
            return isWeb(resolved) ? resolved.toString() : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * An identifier that is a relative reference (an Atom id such as {@code /relative/link}) resolved against a real
     * base, as feedparser does; anything else as written.
     */
    static String absoluteId(String id, Optional<URI> base) {
        Optional<URI> uri = parse(id.strip());
        Optional<URI> real = base.filter(Links::isWeb);
        if (uri.isEmpty() || uri.get().isAbsolute() || real.isEmpty() || id.isBlank()) {
            return id;
        }
        try {
            return real.get().resolve(uri.get()).toString();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /** An absolute http or https URI with a host. */
    static boolean isWeb(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https"));
    }

    /** Parses a URI, percent-encoding the characters real feeds leave raw (spaces, pipes, braces...). */
    static Optional<URI> parse(String href) {
        try {
            return Optional.of(new URI(href));
        } catch (URISyntaxException e) {
            try {
                return Optional.of(new URI(escapeIllegal(href)));
            } catch (URISyntaxException e2) {
                return Optional.empty();
            }
        }
    }

    private static String escapeIllegal(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c <= ' ' || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The canonical form of an absolute link for identity: lower-case scheme and host, default port dropped,
     * fragment dropped, tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}) removed.
     */
    static String canonical(String link) {
        Optional<URI> parsed = parse(link);
        if (parsed.isEmpty() || !parsed.get().isAbsolute() || parsed.get().getRawAuthority() == null) {
            return link;
        }
        URI u = parsed.get();
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (u.getHost() == null) {
            out.append(u.getRawAuthority().toLowerCase(Locale.ROOT));
        } else {
            if (u.getRawUserInfo() != null) {
                out.append(u.getRawUserInfo()).append('@');
            }
            out.append(u.getHost().toLowerCase(Locale.ROOT));
            if (u.getPort() != -1 && !isDefaultPort(scheme, u.getPort())) {
                out.append(':').append(u.getPort());
            }
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        out.append(path);
        String query = cleanQuery(u.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
