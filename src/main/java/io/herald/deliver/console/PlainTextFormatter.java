package io.herald.deliver.console;

import io.herald.deliver.AlertLayout;
import io.herald.deliver.PublishedTime;
import io.herald.model.Alert;
import io.herald.model.Platform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text layout of an alert, for terminals and logs (the same parts as on Telegram and Slack):
 * <pre>
 * Title
 * Feed · 5 min ago · 2024-11-04 12:30 UTC
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

    private final PublishedTime time;

    public PlainTextFormatter(Clock clock) {
        this.time = new PublishedTime(clock);
    }

    /** The alert as lines ending with {@code \n}, the last one being {@link #SEPARATOR}. */
    public String format(Alert alert) {
        AlertLayout layout = AlertLayout.of(alert, time);
        List<String> lines = new ArrayList<>(layout.plainLines());
        String link = AlertLayout.oneLine(alert.item().link());
        if (!link.isEmpty()) {
            lines.add(link);
        }
        if (alert.destination().platform() != Platform.CONSOLE) {
            lines.add("To: " + AlertLayout.oneLine(alert.destination().toString()));
        }
        lines.add(SEPARATOR);
        return String.join("\n", lines) + "\n";
    }
}
