package io.herald.feed;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the log, once per feed for the life of the process, that a feed writes dates Herald cannot read (its items
 * then have no date; nothing else changes). Thread-safe.
 */
final class UnreadableDates {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableDates.class);
    /** Feeds remembered at most; a process reading more distinct feeds than this stops telling. */
    private static final int MAX_FEEDS = 100_000;
    private static final int MAX_SHOWN = 80;

    private final Set<String> told = ConcurrentHashMap.newKeySet();

    void report(String feedId, FeedDocument document) {
        document.unreadableDate().ifPresent(raw -> {
            if (told.size() < MAX_FEEDS && told.add(feedId)) {
                String shown = raw.length() > MAX_SHOWN ? raw.substring(0, MAX_SHOWN) + "..." : raw;
                LOG.info("feed {}: cannot read the date \"{}\"; items with dates in that form get no date",
                        feedId, shown);
            }
        });
    }
}
