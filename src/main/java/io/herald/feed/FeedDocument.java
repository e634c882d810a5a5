package io.herald.feed;

import io.herald.model.ParsedFeed;
import java.time.Duration;
import java.util.Optional;

/**
 * A parsed feed, its own polling hint (RSS {@code <ttl>} in minutes, when it gives one) and the first date it wrote
 * in a form that could not be read (its item then has no date).
 */
record FeedDocument(ParsedFeed feed, Optional<Duration> ttl, Optional<String> unreadableDate) {
}
