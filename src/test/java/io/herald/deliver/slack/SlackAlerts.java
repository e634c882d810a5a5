package io.herald.deliver.slack;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alerts for the Slack tests. */
final class SlackAlerts {

    static final String LINK = "https://news.example.org/world/nato-kursk?ref=rss&lang=en";
    static final Instant PUBLISHED = Instant.parse("2024-11-04T12:30:00Z");

    private SlackAlerts() {
    }

    static Alert alert(String channel, String title, String link, String summary) {
        Item item = new Item("world", "guid-1", title, link, Optional.of(PUBLISHED), "teaser", "", List.of(),
                List.of());
        return new Alert(42, Destination.slack(channel), item, "World News", "\"north korea\" OR kursk", summary,
                List.of("kursk"), 9);
    }

    static Alert normal(String channel) {
        return alert(channel, "NATO confirms North Korean troops in Kursk", LINK,
                "NATO's secretary general confirmed that North Korean troops were deployed in the Kursk region.");
    }
}
