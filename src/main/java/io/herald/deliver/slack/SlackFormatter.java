package io.herald.deliver.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import io.herald.model.Alert;
import io.herald.model.Item;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an alert into a Slack message: a section with the linked title in bold, a section with the summary, and a
 * context line "feed · published (UTC) · Matched: query"; the notification text is "title — url".
 * Everything is escaped for mrkdwn and kept within Slack's block limits.
 */
final class SlackFormatter {

    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_TITLE = 300;
    static final int MAX_LINKED_URL = 2000;
    static final int MAX_CONTEXT_PART = 500;
    static final int MAX_FALLBACK_TEXT = 3000;
    static final String UNTITLED = "(untitled)";

    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    SlackMessage format(Alert alert) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(headline(alert.item())))));
        if (!alert.summary().isBlank()) {
            String summary = SlackMarkup.escapeWithin(alert.summary().strip(), MAX_SECTION_TEXT);
            blocks.add(section(s -> s.text(markdownText(summary))));
        }
        String details = details(alert);
        if (!details.isEmpty()) {
            List<ContextBlockElement> elements = List.of(markdownText(details));
            blocks.add(context(c -> c.elements(elements)));
        }
        return new SlackMessage(fallbackText(alert.item()), blocks);
    }

    private static String headline(Item item) {
        String title = title(item);
        if (item.link().isBlank() || item.link().length() > MAX_LINKED_URL) {
            return "*" + SlackMarkup.escapeWithin(title, MAX_TITLE) + "*";
        }
        return "*" + SlackMarkup.link(item.link().strip(), SlackMarkup.fit(title, MAX_TITLE)) + "*";
    }

    private static String details(Alert alert) {
        List<String> parts = new ArrayList<>();
        if (!alert.feedTitle().isBlank()) {
            parts.add(SlackMarkup.escapeWithin(alert.feedTitle().strip(), MAX_CONTEXT_PART));
        }
        alert.item().published().ifPresent(p -> parts.add(PUBLISHED.format(p)));
        if (!alert.query().isBlank()) {
            parts.add("Matched: " + SlackMarkup.escapeWithin(alert.query().strip(), MAX_CONTEXT_PART));
        }
        return String.join(" · ", parts);
    }

    private static String fallbackText(Item item) {
        String text = item.link().isBlank() ? title(item) : title(item) + " — " + item.link().strip();
        return SlackMarkup.escapeWithin(text, MAX_FALLBACK_TEXT);
    }

    private static String title(Item item) {
        String title = item.title().strip().replaceAll("\\s+", " ");
        return title.isEmpty() ? UNTITLED : title;
    }
}
