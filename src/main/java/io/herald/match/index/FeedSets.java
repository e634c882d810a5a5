package io.herald.match.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interns the feed sets subscriptions are limited to, so that a subscription stores one int (0 = every feed).
 * Feed ids are compared exactly, as {@link io.herald.model.Subscription#appliesTo} does. Sets are few and kept
 * for the index's lifetime. Not thread-safe.
 */
final class FeedSets {
    private final Map<Set<String>, Integer> ids = new HashMap<>();
    private final List<Set<String>> sets = new ArrayList<>(List.of(Set.of()));

    int intern(Set<String> feeds) {
        if (feeds.isEmpty()) {
            return 0;
        }
        Set<String> copy = Set.copyOf(feeds);
        return ids.computeIfAbsent(copy, set -> {
            sets.add(set);
            return sets.size() - 1;
        });
    }

    /** How many sets there are; ids are {@code 0 .. size()-1}. */
    int size() {
        return sets.size();
    }

    boolean allows(int id, String feedId) {
        return id == 0 || sets.get(id).contains(feedId);
    }
}
