package io.herald.pipeline;

import io.herald.feed.FeedException;
import io.herald.feed.FetchOutcome;
import io.herald.feed.Validators;
import java.net.URI;

/** Where a poll gets a feed from: HTTP in production ({@code FeedReader::read}). */
@FunctionalInterface
public interface FeedSource {
    FetchOutcome read(String feedId, URI url, Validators previous) throws FeedException;
}
