package io.herald.store;

import java.time.Instant;

/**
 * A feed flagged for causing more work than the limits allow.
 *
 * @param since         when it was first flagged (the admins were told then)
 * @param reason        the last poll's account, in plain words
 * @param skippedItems  new items remembered as seen without alerting, since the flag was raised
 * @param skippedAlerts pending alerts dropped past the per-feed or per-destination limit, since then
 */
public record FeedFlood(Instant since, String reason, long skippedItems, long skippedAlerts) {
}
