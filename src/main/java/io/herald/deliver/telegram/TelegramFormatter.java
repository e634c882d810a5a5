package io.herald.deliver.telegram;

import io.herald.deliver.AlertLayout;
import io.herald.deliver.AlertState;
import io.herald.deliver.PublishedTime;
import io.herald.model.Alert;
import io.herald.summarize.Highlighter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an alert into a Telegram message for {@code parse_mode=HTML}, in the layout every platform shares:
 *
 * <pre>
 * <b><a href="link">Title</a></b>
 * Feed · 5 min ago · 2024-01-02 03:04 UTC
 *
 * Summary sentence with the <b>matched</b> terms in bold.
 *
 * Matched: <i>query</i>
 * link
 * </pre>
 *
 * All text is escaped and only {@code b}, {@code i} and {@code a} tags are used. What the user sees stays within
 * Telegram's 4096 characters: summary sentences that do not fit are left out (a single one is shortened at a word
 * boundary), so a cut never falls inside a tag or an entity. Buttons are described by {@link #buttons(Alert)}.
 */
public final class TelegramFormatter {

    /** Telegram's limit on a message's text after entity parsing, in UTF-16 units. */
    public static final int MAX_TEXT = 4096;
    /** Telegram's limit on a button's {@code callback_data}, in UTF-8 bytes. */
    public static final int MAX_CALLBACK_DATA = 64;

    /** One inline button: its label and the command it sends back. */
    public record Button(String text, String callbackData) {
    }

    private static final int MAX_TITLE = 300;
    private static final int MAX_META = 200;
    private static final int MAX_QUERY = 200;
    private static final int MIN_SUMMARY = 40;
    private static final String BLOCK_SEPARATOR = "\n\n";

    private final PublishedTime time;

    public TelegramFormatter(Clock clock) {
        this.time = new PublishedTime(clock);
    }

    /** The HTML message text for the alert. */
    public String format(Alert alert) {
        AlertLayout layout = AlertLayout.of(alert, time);
        String header = header(layout);
        String footer = footer(layout);
        int fixed = plainLength(header) + (footer.isEmpty() ? 0 : BLOCK_SEPARATOR.length() + plainLength(footer));
        int budget = MAX_TEXT - fixed - BLOCK_SEPARATOR.length();
        List<String> blocks = new ArrayList<>();
        blocks.add(header);
        String summary = fit(layout.sentences(), budget);
        if (!summary.isEmpty() && budget >= MIN_SUMMARY) {
            blocks.add(highlighted(summary, layout.highlights(summary)));
        }
        if (!footer.isEmpty()) {
            blocks.add(footer);
        }
        return String.join(BLOCK_SEPARATOR, blocks);
    }

    /** "Mute this query" and "Unsubscribe" for the alert's subscription; none when it has no subscription id. */
    public List<Button> buttons(Alert alert) {
        return buttons(alert, AlertState.ACTIVE);
    }

    /** The buttons for the state: the two actions, or what was done with an Undo button. */
    public List<Button> buttons(Alert alert, AlertState state) {
        if (alert.subscriptionId() <= 0) {
            return List.of();
        }
        long id = alert.subscriptionId();
        return switch (state) {
            case ACTIVE -> List.of(new Button("Mute this query", "/mute " + id), new Button("Unsubscribe", "/unsub " + id));
            case MUTED -> List.of(new Button("Muted · Undo", "/undo " + id));
            case UNSUBSCRIBED -> List.of(new Button("Unsubscribed · Undo", "/undo " + id));
        };
    }

    private static String header(AlertLayout layout) {
        String title = TelegramText.escape(TelegramText.shorten(layout.title(), MAX_TITLE));
        String heading = layout.link()
                .map(href -> "<b><a href=\"" + TelegramText.escapeAttribute(href) + "\">" + title + "</a></b>")
                .orElse("<b>" + title + "</b>");
        String meta = TelegramText.shorten(layout.meta(), MAX_META);
        return meta.isEmpty() ? heading : heading + "\n" + TelegramText.escape(meta);
    }

    private static String footer(AlertLayout layout) {
        List<String> lines = new ArrayList<>();
        if (!layout.query().isEmpty()) {
            lines.add("Matched: <i>" + TelegramText.escape(TelegramText.shorten(layout.query(), MAX_QUERY)) + "</i>");
        }
        layout.link().ifPresent(href -> lines.add(TelegramText.escape(href)));
        return String.join("\n", lines);
    }

    /** The leading sentences that fit in {@code budget}; the first alone, shortened, when none fits whole. */
    static String fit(List<String> sentences, int budget) {
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences) {
            int needed = out.length() + (out.length() > 0 ? 1 : 0) + sentence.length();
            if (needed > budget) {
                break;
            }
            out.append(out.length() > 0 ? " " : "").append(sentence);
        }
        if (out.length() == 0 && !sentences.isEmpty() && budget > 0) {
            return TelegramText.shorten(sentences.get(0), budget);
        }
        return out.toString();
    }

    /** {@code text} escaped, with each span wrapped in {@code <b>}. */
    static String highlighted(String text, List<Highlighter.Span> spans) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Highlighter.Span span : spans) {
            out.append(TelegramText.escape(text.substring(at, span.start())));
            out.append("<b>").append(TelegramText.escape(text.substring(span.start(), span.end()))).append("</b>");
            at = span.end();
        }
        return out.append(TelegramText.escape(text.substring(at))).toString();
    }

    /** The link of the alert when it can be previewed. */
    static Optional<String> previewLink(Alert alert) {
        return AlertLayout.safeLink(alert.item().link());
    }

    /** Length of what the user sees for HTML this class produced (tags dropped, the four entities decoded). */
    static int plainLength(String html) {
        return TelegramText.unescape(html.replaceAll("<[^>]*>", "")).length();
    }
}
