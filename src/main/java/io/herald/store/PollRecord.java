package io.herald.store;

import io.herald.model.Item;
import java.util.List;
import java.util.Optional;

/**
 * The result of one successful poll, written in one transaction: the items become "seen", the alerts enter the
 * outbox, and the feed's validators and health are updated.
 */
public record PollRecord(
        String feedId,
        String url,
        Optional<String> etag,
        Optional<String> lastModified,
        List<Item> newItems,
        List<PendingAlert> alerts) {

    public PollRecord {
        newItems = List.copyOf(newItems);
        alerts = List.copyOf(alerts);
    }
}
