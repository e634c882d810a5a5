package io.herald.deliver.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.herald.deliver.Digest;
import io.herald.model.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats a {@link Digest} for Slack: a bold heading section, then one section per alert with its headline as a
 * link (at most {@link Digest#MAX_ALERTS} + 1 blocks, each far below the 3,000-character section limit).
 */
final class SlackDigestFormatter {
    private static final int MAX_HEADLINE = 300;
    private static final int MAX_FEED = 60;
    private static final int MAX_LINK = 2000;

    SlackMessage format(Digest digest) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String heading = "*" + SlackMarkup.escapeWithin(Digest.shorten(digest.heading(), 200), 400) + "*";
        blocks.add(section(s -> s.text(markdownText(heading))));
        for (Alert alert : digest.alerts()) {
            String line = "• " + line(alert);
            blocks.add(section(s -> s.text(markdownText(line))));
        }
        return new SlackMessage(SlackMarkup.escapeWithin(Digest.shorten(digest.heading(), 200), 400), blocks);
    }

    private static String line(Alert alert) {
        String headline = Digest.shorten(Digest.headline(alert), MAX_HEADLINE);
        String link = alert.item().link();
        String linked = link.startsWith("http") && link.length() <= MAX_LINK ? SlackMarkup.link(link, headline)
                : SlackMarkup.escape(headline);
        String feed = Digest.shorten(alert.feedTitle(), MAX_FEED);
        return feed.isEmpty() ? linked : linked + " · _" + SlackMarkup.escape(feed) + "_";
    }
}
