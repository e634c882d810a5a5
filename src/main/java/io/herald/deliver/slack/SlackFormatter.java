package io.herald.deliver.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.herald.deliver.AlertLayout;
import io.herald.deliver.AlertState;
import io.herald.deliver.PublishedTime;
import io.herald.model.Alert;
import io.herald.summarize.Highlighter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an alert into a Slack message in the layout every platform shares: a mrkdwn section with the linked
 * headline in bold and 1-3 summary sentences with the matched terms in bold, a context line
 * "feed · 5 min ago · UTC time · Matched: query", and buttons (open the article; mute or unsubscribe the query,
 * whose values are the chat commands {@code /mute <id>} and {@code /unsub <id>}). The notification {@code text}
 * is a plain fallback with the same content. Everything is escaped for mrkdwn and kept within Slack's limits.
 */
final class SlackFormatter {

    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_TITLE = 300;
    static final int MAX_LINKED_URL = 2000;
    static final int MAX_CONTEXT_PART = 500;
    static final int MAX_FALLBACK_TEXT = 3000;
    static final int MAX_BUTTON_URL = 3000;
    static final int MIN_BODY = 40;

    private final PublishedTime time;

    SlackFormatter(Clock clock) {
        this.time = new PublishedTime(clock);
    }

    SlackMessage format(Alert alert) {
        return format(alert, AlertState.ACTIVE);
    }

    /** The alert with the buttons for {@code state}: the two actions, or what was done with an Undo button. */
    SlackMessage format(Alert alert, AlertState state) {
        AlertLayout layout = AlertLayout.of(alert, time);
        List<LayoutBlock> blocks = new ArrayList<>();
        String headline = headline(layout);
        int budget = MAX_SECTION_TEXT - headline.length() - 1;
        String body = budget < MIN_BODY ? "" : body(layout, budget);
        String section = body.isEmpty() ? headline : headline + "\n" + body;
        blocks.add(section(s -> s.text(markdownText(section))));
        String details = details(layout);
        if (!details.isEmpty()) {
            List<ContextBlockElement> elements = List.of(markdownText(details));
            blocks.add(context(c -> c.elements(elements)));
        }
        List<BlockElement> buttons = buttons(alert, layout, state);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return new SlackMessage(fallbackText(layout), blocks);
    }

    private static String headline(AlertLayout layout) {
        String title = SlackMarkup.fit(layout.title(), MAX_TITLE);
        String linked = layout.link().map(link -> SlackMarkup.link(link, title)).orElse("");
        if (linked.isEmpty() || linked.length() > MAX_LINKED_URL + MAX_TITLE + 3) {
            return "*" + SlackMarkup.escape(title) + "*";
        }
        return "*" + linked + "*";
    }

    /** The summary sentences that fit (escaped) in {@code budget}, with the matched terms in bold. */
    private static String body(AlertLayout layout, int budget) {
        StringBuilder plain = new StringBuilder();
        for (String sentence : layout.sentences()) {
            String next = plain.length() == 0 ? sentence : plain + " " + sentence;
            if (bolded(next, layout).length() > budget) {
                break;
            }
            plain.setLength(0);
            plain.append(next);
        }
        if (plain.length() == 0 && !layout.sentences().isEmpty()) {
            return SlackMarkup.escapeWithin(layout.sentences().get(0), budget);
        }
        return bolded(plain.toString(), layout);
    }

    private static String bolded(String text, AlertLayout layout) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Highlighter.Span span : layout.highlights(text)) {
            String word = text.substring(span.start(), span.end());
            if (word.contains("*")) {
                continue;
            }
            out.append(SlackMarkup.escape(text.substring(at, span.start())));
            out.append('*').append(SlackMarkup.escape(word)).append('*');
            at = span.end();
        }
        return out.append(SlackMarkup.escape(text.substring(at))).toString();
    }

    private static String details(AlertLayout layout) {
        List<String> parts = new ArrayList<>();
        if (!layout.meta().isEmpty()) {
            parts.add(SlackMarkup.escapeWithin(layout.meta(), MAX_CONTEXT_PART));
        }
        if (!layout.query().isEmpty()) {
            parts.add("Matched: " + SlackMarkup.escapeWithin(layout.query(), MAX_CONTEXT_PART));
        }
        return String.join(" · ", parts);
    }

    private static List<BlockElement> buttons(Alert alert, AlertLayout layout, AlertState state) {
        List<BlockElement> buttons = new ArrayList<>();
        layout.link().filter(link -> link.length() <= MAX_BUTTON_URL).ifPresent(link -> buttons.add(
                ButtonElement.builder().text(plainText("Open article")).url(link).actionId("herald_open").build()));
        long id = alert.subscriptionId();
        if (id <= 0) {
            return buttons;
        }
        switch (state) {
            case ACTIVE -> {
                buttons.add(ButtonElement.builder().text(plainText("Mute this query")).actionId("herald_mute")
                        .value("/mute " + id).build());
                buttons.add(ButtonElement.builder().text(plainText("Unsubscribe")).actionId("herald_unsub")
                        .value("/unsub " + id).style("danger").build());
            }
            case MUTED -> buttons.add(ButtonElement.builder().text(plainText("Muted · Undo"))
                    .actionId("herald_undo").value("/undo " + id).build());
            case UNSUBSCRIBED -> buttons.add(ButtonElement.builder().text(plainText("Unsubscribed · Undo"))
                    .actionId("herald_undo").value("/undo " + id).build());
        }
        return buttons;
    }

    /** Title, details, summary and link as plain lines, escaped, within Slack's notification text limit. */
    private static String fallbackText(AlertLayout layout) {
        List<String> lines = new ArrayList<>(layout.plainLines());
        layout.link().ifPresent(lines::add);
        return SlackMarkup.escapeWithin(String.join("\n", lines), MAX_FALLBACK_TEXT);
    }
}
