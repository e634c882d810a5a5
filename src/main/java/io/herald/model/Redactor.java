package io.herald.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that came from outside Herald (a platform's error description, an exception's message, a
 * URL) before it is logged, stored or shown: every configured secret, as written and URL-encoded, becomes
 * {@value #MASK}, and so does anything shaped like a Telegram bot token or a Slack token even when it is not
 * Herald's own (a proxy may echo another one).
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";
    /** Shorter values are not redacted: they would mangle ordinary text and are no secret worth the name. */
    static final int MIN_SECRET_LENGTH = 6;
    private static final Pattern TOKEN_SHAPES = Pattern.compile(
            "(?:\\d{3,}|#):[A-Za-z0-9_-]{30,}" // Telegram bot token (digits may already read '#')
                    + "|xox[abposr]-[A-Za-z0-9-]{8,}" // Slack bot, user and legacy tokens
                    + "|xapp-[A-Za-z0-9-]{8,}"); // Slack app-level token

    /** Redacts only the token shapes: for places that know no secrets (e.g. a command run without the service). */
    public static final Redactor SHAPES_ONLY = new Redactor(List.of());

    private final List<String> secrets;

    /** @param secrets the values to remove; blank and very short values are ignored */
    public Redactor(List<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            Objects.requireNonNull(s, "secret");
            if (s.strip().length() >= MIN_SECRET_LENGTH) {
                forms.add(s);
                forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no half-masked secret
        this.secrets = List.copyOf(sorted);
    }

    /** The text with every secret and token shape replaced by {@value #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return TOKEN_SHAPES.matcher(out).replaceAll(MASK);
    }

    /**
     * A copy of the exception whose messages (its own and its causes') are redacted, with the same stack traces;
     * the copies are plain {@link RuntimeException}s named after the original class. Null stays null.
     */
    public Throwable redact(Throwable error) {
        if (error == null) {
            return null;
        }
        return copy(error, 0);
    }

    private Throwable copy(Throwable error, int depth) {
        Throwable cause = error.getCause() == null || error.getCause() == error || depth > 16 ? null
                : copy(error.getCause(), depth + 1);
        String message = error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + redact(error.getMessage());
        RuntimeException copy = new RuntimeException(message, cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Whether the text still holds a configured secret (for checks and tests). */
    public boolean leaks(String text) {
        return text != null && secrets.stream().anyMatch(text::contains);
    }
}
