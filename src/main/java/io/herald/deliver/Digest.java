package io.herald.deliver;

import io.herald.model.Alert;
import io.herald.model.Destination;
import java.util.List;
import java.util.Objects;

/**
 * Several alerts for one destination sent as one message: a heading and one headline (linked) per alert.
 *
 * @param destination where it goes (every alert has this destination)
 * @param heading     one line, e.g. "12 new stories (too many to send one by one)"
 * @param alerts      the alerts, oldest first; never empty
 */
public record Digest(Destination destination, String heading, List<Alert> alerts) {

    /** Most headlines in one digest message: keeps every platform's message limits with room to spare. */
    public static final int MAX_ALERTS = 20;

    public Digest {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(heading, "heading");
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty() || alerts.size() > MAX_ALERTS) {
            throw new IllegalArgumentException("a digest holds 1 to " + MAX_ALERTS + " alerts, not " + alerts.size());
        }
    }

    /** The headline to show for an alert: its title, else its link, else its feed. */
    public static String headline(Alert alert) {
        String title = alert.item().title().strip();
        if (!title.isEmpty()) {
            return title;
        }
        return alert.item().link().isEmpty() ? "(untitled story from " + alert.feedTitle() + ")" : alert.item().link();
    }

    /** The digest as plain text: the heading, then per alert "• headline (feed)" and the link on its own line. */
    public String plainText() {
        StringBuilder sb = new StringBuilder(heading).append('\n');
        for (Alert alert : alerts) {
            sb.append("\n• ").append(shorten(headline(alert), 200));
            if (!alert.feedTitle().isBlank()) {
                sb.append(" (").append(shorten(alert.feedTitle(), 60)).append(')');
            }
            if (!alert.item().link().isEmpty()) {
                sb.append('\n').append(alert.item().link());
            }
        }
        return sb.toString();
    }

    /** Cuts text to at most {@code max} characters at a character boundary, ending with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "…";
    }
}
