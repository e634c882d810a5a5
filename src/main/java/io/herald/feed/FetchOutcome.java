package io.herald.feed;

import io.herald.model.ParsedFeed;
import java.net.URI;
import java.util.Optional;

/**
 * What one poll of a feed URL gave.
 *
 * @param finalUrl         the URL the content came from after redirects
 * @param movedPermanently true when a 301/308 redirect says the stored URL should become {@code finalUrl}
 * @param feed             the parsed feed; empty when the server answered 304 Not Modified
 * @param validators       validators to send next time
 */
public record FetchOutcome(URI finalUrl, boolean movedPermanently, Optional<ParsedFeed> feed, Validators validators) {
    public boolean notModified() {
        return feed.isEmpty();
    }
}
