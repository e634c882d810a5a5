package io.herald.deliver.telegram;

import io.herald.deliver.Digest;
import io.herald.model.Alert;
import java.util.Optional;

/**
 * Formats a {@link Digest} as Telegram HTML: the heading in bold, then one line per alert with its headline as a
 * link. Headlines are shortened evenly so the visible text stays within Telegram's 4096 characters.
 */
final class TelegramDigestFormatter {
    private static final int BUDGET = TelegramFormatter.MAX_TEXT - 96;
    private static final int MAX_FEED = 40;

    String format(Digest digest) {
        String heading = TelegramText.shorten(TelegramText.oneLine(TelegramText.clean(digest.heading())), 200);
        int perAlert = Math.max(20, (BUDGET - heading.length()) / digest.alerts().size() - 6 - MAX_FEED);
        StringBuilder sb = new StringBuilder("<b>").append(TelegramText.escape(heading)).append("</b>\n");
        for (Alert alert : digest.alerts()) {
            sb.append("\n• ").append(line(alert, Math.min(perAlert, 300)));
        }
        return sb.toString();
    }

    private static String line(Alert alert, int maxHeadline) {
        String headline = TelegramText.escape(TelegramText.shorten(
                TelegramText.oneLine(TelegramText.clean(Digest.headline(alert))), maxHeadline));
        Optional<String> link = io.herald.deliver.AlertLayout.safeLink(alert.item().link());
        String linked = link.map(l -> "<a href=\"" + TelegramText.escapeAttribute(l) + "\">" + headline + "</a>")
                .orElse(headline);
        String feed = TelegramText.oneLine(TelegramText.clean(alert.feedTitle()));
        return feed.isEmpty() ? linked
                : linked + " · <i>" + TelegramText.escape(TelegramText.shorten(feed, MAX_FEED)) + "</i>";
    }
}
