package io.herald.app;

import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import java.util.Map;

/** The admin {@code /status} text: feed health and outbox counts. */
final class StatusReport {
    private final FeedStore feeds;
    private final OutboxStore outbox;

    StatusReport(FeedStore feeds, OutboxStore outbox) {
        this.feeds = feeds;
        this.outbox = outbox;
    }

    String render() {
        StringBuilder sb = new StringBuilder("Feeds:\n");
        for (FeedState s : feeds.all()) {
            sb.append("- ").append(s.feedId()).append(": ");
            if (s.paused()) {
                sb.append("paused: ").append(s.pausedReason().orElse("too many failed polls"));
            } else if (s.consecutiveErrors() > 0) {
                sb.append(s.consecutiveErrors()).append(" failed polls in a row; last error: ")
                        .append(s.lastError().orElse("?"));
            } else {
                sb.append("ok, last polled ").append(s.lastSuccess().map(Object::toString).orElse("never"));
            }
            s.flood().ifPresent(f -> sb.append("; flooding: ").append(f.reason()));
            sb.append('\n');
        }
        Map<OutboxEntry.Status, Integer> counts = outbox.counts();
        sb.append("Alerts: ").append(counts.get(OutboxEntry.Status.SENT)).append(" sent, ")
                .append(counts.get(OutboxEntry.Status.PENDING)).append(" waiting, ")
                .append(counts.get(OutboxEntry.Status.FAILED)).append(" failed");
        return sb.toString();
    }
}
