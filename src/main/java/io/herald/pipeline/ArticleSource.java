package io.herald.pipeline;

import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import java.net.URI;

/**
 * Where article pages come from: HTTP with the feed fetcher's limits and SSRF guard in production
 * ({@code FeedReader::fetchPage}).
 */
@FunctionalInterface
public interface ArticleSource {
    /**
     * @param who names the request in error messages
     * @throws FeedException with a one-sentence message when the page cannot be fetched
     */
    FeedReader.Page fetch(String who, URI url) throws FeedException;
}
