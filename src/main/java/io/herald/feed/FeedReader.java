package io.herald.feed;

import io.herald.model.ParsedFeed;
import java.net.URI;
import java.util.Optional;

/** Fetches and parses feeds. STUB: replaced by the feed package. */
public final class FeedReader {
    public FeedReader(FetchPolicy policy) {
    }

    public FetchOutcome read(String feedId, URI url, Validators previous) throws FeedException {
        throw new UnsupportedOperationException("not built yet");
    }

    public ParsedFeed parse(String feedId, byte[] body, Optional<String> contentType, URI base) throws FeedException {
        throw new UnsupportedOperationException("not built yet");
    }
}
