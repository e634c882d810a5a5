package io.herald.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded least-recently-used cache of article texts by link. A page without article text (or that could not be
 * fetched) is remembered as empty for a shorter time, so a broken page is not fetched again at every poll.
 * Thread-safe.
 */
final class ArticleCache {
    private final int capacity;
    private final Duration successTtl;
    private final Duration failureTtl;
    private final Clock clock;
    private final Map<String, Entry> entries;

    /** What the cache knows of a link: the article text, or empty for a remembered failure. */
    record Entry(Optional<String> text, Instant expires) {
    }

    ArticleCache(int capacity, Duration successTtl, Duration failureTtl, Clock clock) {
        this.capacity = capacity;
        this.successTtl = successTtl;
        this.failureTtl = failureTtl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > ArticleCache.this.capacity;
            }
        };
    }

    /** The cached outcome for {@code link}, unless absent or expired. */
    synchronized Optional<Entry> get(String link) {
        Entry entry = entries.get(link);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(link);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    synchronized void put(String link, Optional<String> text) {
        Duration ttl = text.isPresent() ? successTtl : failureTtl;
        entries.put(link, new Entry(text, clock.instant().plus(ttl)));
    }

    synchronized int size() {
        return entries.size();
    }
}
