package io.herald.feed;

import io.herald.model.ParsedFeed;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What one poll of a feed URL gave.
 *
 * @param finalUrl         the URL the content came from after redirects
 * @param movedPermanently true when a 301/308 redirect says the stored URL should become {@code finalUrl}
 * @param feed             the parsed feed; empty when the server answered 304 Not Modified
 * @param validators       validators to send next time
 * @param minInterval      the server's or feed's lower bound for the next poll: the larger of
 *                         {@code Cache-Control: max-age} and RSS {@code <ttl>}, when given
 */
public record FetchOutcome(URI finalUrl, boolean movedPermanently, Optional<ParsedFeed> feed, Validators validators,
        Optional<Duration> minInterval) {

    public FetchOutcome {
        minInterval = minInterval == null ? Optional.empty() : minInterval;
    }

    /** An outcome without a next-poll hint. */
    public FetchOutcome(URI finalUrl, boolean movedPermanently, Optional<ParsedFeed> feed, Validators validators) {
        this(finalUrl, movedPermanently, feed, validators, Optional.empty());
    }

    public boolean notModified() {
        return feed.isEmpty();
    }
}
