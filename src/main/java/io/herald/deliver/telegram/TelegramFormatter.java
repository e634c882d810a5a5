package io.herald.deliver.telegram;

import io.herald.model.Alert;
import io.herald.model.Item;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an alert into a Telegram message for {@code parse_mode=HTML}:
 *
 * <pre>
 * <b><a href="link">Title</a></b>
 * Feed name · 2024-01-02 03:04 UTC
 *
 * Summary…
 *
 * <i>Matched: query</i>
 * link
 * </pre>
 *
 * All text is escaped; links other than http(s) are left out; the text a user sees stays within Telegram's 4096
 * characters by shortening the summary (then the title) at a sentence or word boundary.
 */
public final class TelegramFormatter {

    /** Telegram's limit on a message's text after entity parsing, in UTF-16 units. */
    public static final int MAX_TEXT = 4096;

    private static final int MAX_TITLE = 300;
    private static final int MAX_FEED = 100;
    private static final int MAX_QUERY = 200;
    private static final int MAX_LINK = 2048;
    private static final int MIN_SUMMARY = 40;
    private static final String BLOCK_SEPARATOR = "\n\n";
    private static final Pattern SAFE_LINK = Pattern.compile("(?i)https?://[^\\s/?#]+[^\\s]*");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The HTML message text for the alert. */
    public String format(Alert alert) {
        Item item = alert.item();
        Optional<String> link = safeLink(item.link());
        String title = TelegramText.oneLine(TelegramText.clean(item.title()));
        if (title.isEmpty()) {
            title = link.orElse("(untitled)");
        }
        String header = headerBlock(TelegramText.shorten(title, MAX_TITLE), link, metaLine(alert));
        String footer = footerBlock(TelegramText.oneLine(TelegramText.clean(alert.query())), link);
        String summary = TelegramText.clean(alert.summary()).strip();
        int fixed = plainLength(header) + (footer.isEmpty() ? 0 : BLOCK_SEPARATOR.length() + plainLength(footer));
        int budget = MAX_TEXT - fixed - BLOCK_SEPARATOR.length();
        List<String> blocks = new ArrayList<>();
        blocks.add(header);
        if (!summary.isEmpty() && budget >= MIN_SUMMARY) {
            blocks.add(TelegramText.escape(TelegramText.shorten(summary, budget)));
        }
        if (!footer.isEmpty()) {
            blocks.add(footer);
        }
        return String.join(BLOCK_SEPARATOR, blocks);
    }

    private static String headerBlock(String title, Optional<String> link, String meta) {
        String escapedTitle = TelegramText.escape(title);
        String heading = link
                .map(href -> "<b><a href=\"" + TelegramText.escapeAttribute(href) + "\">" + escapedTitle + "</a></b>")
                .orElse("<b>" + escapedTitle + "</b>");
        return meta.isEmpty() ? heading : heading + "\n" + TelegramText.escape(meta);
    }

    private static String footerBlock(String query, Optional<String> link) {
        List<String> lines = new ArrayList<>();
        if (!query.isEmpty()) {
            lines.add("<i>" + TelegramText.escape("Matched: " + TelegramText.shorten(query, MAX_QUERY)) + "</i>");
        }
        link.ifPresent(href -> lines.add(TelegramText.escape(href)));
        return String.join("\n", lines);
    }

    private static String metaLine(Alert alert) {
        String feed = TelegramText.shorten(TelegramText.oneLine(TelegramText.clean(alert.feedTitle())), MAX_FEED);
        Optional<String> time = alert.item().published().map(TIME::format);
        if (feed.isEmpty()) {
            return time.orElse("");
        }
        return time.map(t -> feed + " · " + t).orElse(feed);
    }

    /** The link when it is an absolute http(s) URL of sensible length. */
    static Optional<String> safeLink(String link) {
        String candidate = link == null ? "" : link.strip();
        if (candidate.length() > MAX_LINK || !SAFE_LINK.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** Length of what the user sees for HTML this class produced (tags dropped, the four entities decoded). */
    static int plainLength(String html) {
        return TelegramText.unescape(html.replaceAll("<[^>]*>", "")).length();
    }
}
