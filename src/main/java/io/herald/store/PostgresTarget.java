package io.herald.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL database and its login: the {@code jdbc:postgresql://} URL without credentials, plus the user and
 * password taken out of it (a password given apart, e.g. from {@code HERALD_DB_PASSWORD}, wins). Keeping credentials
 * out of the URL keeps them out of every place that shows a URL (pool names, Flyway's log, errors).
 * {@link #toString()} never shows the password.
 */
public record PostgresTarget(String url, Optional<String> user, Optional<String> password) {
    public static final String PREFIX = "jdbc:postgresql://";

    public PostgresTarget {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " URL");
        }
        if (url.substring(PREFIX.length()).split("[/?]", 2)[0].contains("@")) {
            throw new IllegalArgumentException("give the user and password as ?user=...&password=... (or in"
                    + " HERALD_DB_PASSWORD), not before the host");
        }
    }

    /**
     * Splits {@code user} and {@code password} parameters off a JDBC URL; {@code password}, when present, replaces
     * the URL's.
     */
    public static PostgresTarget parse(String jdbcUrl, Optional<String> password) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return new PostgresTarget(jdbcUrl, Optional.empty(), password);
        }
        String user = null;
        String urlPassword = null;
        List<String> kept = new ArrayList<>();
        for (String param : jdbcUrl.substring(query + 1).split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            String value = param.contains("=") ? decode(param.substring(param.indexOf('=') + 1)) : "";
            switch (name) {
                case "user" -> user = value;
                case "password" -> urlPassword = value;
                default -> {
                    if (!param.isEmpty()) {
                        kept.add(param);
                    }
                }
            }
        }
        String url = jdbcUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        Optional<String> fromUrl = Optional.ofNullable(urlPassword).filter(p -> !p.isEmpty());
        return new PostgresTarget(url, Optional.ofNullable(user).filter(u -> !u.isEmpty()),
                password.isPresent() ? password : fromUrl);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /**
     * Connection properties for the driver: the login, a connect timeout, TCP keepalives and a socket timeout so
     * that a dead server or a half-open connection fails a statement instead of hanging its thread.
     */
    Properties driverProperties(int socketTimeoutSeconds) {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "herald");
        p.setProperty("connectTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        return p;
    }

    /** The URL as it can be shown: host, port and database (credentials were never part of it). */
    public String describe() {
        int query = url.indexOf('?');
        return "postgresql:" + (query < 0 ? url : url.substring(0, query)).substring("jdbc:postgresql:".length());
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + describe() + ", user=" + user.orElse("(default)") + ", password="
                + (password.isPresent() ? "***" : "unset") + "]";
    }
}
