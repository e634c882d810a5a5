package io.herald.feed;

import io.herald.model.ParsedFeed;
import java.time.Duration;
import java.util.Optional;

/** A parsed feed and its own polling hint: RSS {@code <ttl>} (minutes), when it gives one. */
record FeedDocument(ParsedFeed feed, Optional<Duration> ttl) {
}
