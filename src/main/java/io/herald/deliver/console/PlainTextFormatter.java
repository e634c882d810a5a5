package io.herald.deliver.console;

import io.herald.model.Alert;
import io.herald.model.Platform;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text layout of an alert, for terminals and logs:
 * <pre>
 * Title
 * Feed · 2024-11-04 12:30 UTC
 * Summary text.
 * Matched: query
 * https://link
 * ------------------------------------------------------------
 * </pre>
 * Empty parts are left out; control characters (e.g. terminal escape sequences) and bidi overrides are
 * removed. Alerts for other destinations get a {@code To: slack:C0123} line before the separator.
 */
public final class PlainTextFormatter {

    /** The line that ends every alert. */
    public static final String SEPARATOR = "-".repeat(60);

    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PlainTextFormatter() {
    }

    /** The alert as lines ending with {@code \n}, the last one being {@link #SEPARATOR}. */
    public static String format(Alert alert) {
        List<String> lines = new ArrayList<>();
        String title = oneLine(alert.item().title());
        lines.add(title.isEmpty() ? "(untitled)" : title);
        String details = details(alert);
        if (!details.isEmpty()) {
            lines.add(details);
        }
        String summary = clean(alert.summary());
        if (!summary.isEmpty()) {
            lines.add(summary);
        }
        if (!alert.query().isBlank()) {
            lines.add("Matched: " + oneLine(alert.query()));
        }
        if (!alert.item().link().isBlank()) {
            lines.add(oneLine(alert.item().link()));
        }
        if (alert.destination().platform() != Platform.CONSOLE) {
            lines.add("To: " + oneLine(alert.destination().toString()));
        }
        lines.add(SEPARATOR);
        return String.join("\n", lines) + "\n";
    }

    private static String details(Alert alert) {
        List<String> parts = new ArrayList<>();
        String feed = oneLine(alert.feedTitle());
        if (!feed.isEmpty()) {
            parts.add(feed);
        }
        alert.item().published().ifPresent(p -> parts.add(PUBLISHED.format(p)));
        return String.join(" · ", parts);
    }

    /** Collapses all whitespace (line breaks included) to single spaces and drops control characters. */
    private static String oneLine(String text) {
        return withoutControls(text).replaceAll("\\s+", " ").strip();
    }

    /** Keeps paragraph breaks, collapses other whitespace, drops control characters and blank lines. */
    private static String clean(String text) {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String one = oneLine(line);
            if (!one.isEmpty()) {
                kept.add(one);
            }
        }
        return String.join("\n", kept);
    }

    private static String withoutControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && !isBidiOverride(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBidiOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
