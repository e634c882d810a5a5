package io.herald.match.index;

/**
 * Interns the strings that queries use (words, prefixes, prefix keys, feed ids) as dense int ids, and finds the id
 * of a string, or of the first {@code length} chars of a string, without allocating.
 *
 * <p>Open addressing with linear probing, at most half full, split into segments that grow on their own, so that
 * adding a word never rehashes the whole dictionary at once. Ids are never reused: a word stays once a query has
 * used it (a few dozen bytes per distinct word). Not thread-safe: {@link SubscriptionIndex} guards it.
 */
final class WordDictionary {
    private static final int SEGMENT_BITS = 6;
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
    private String[][] words = new String[16][];
    private int size;

    WordDictionary() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment();
        }
    }

    /** How many strings have ids; ids are {@code 0 .. size()-1}. */
    int size() {
        return size;
    }

    /** The string with this id. */
    String word(int id) {
        return words[id >>> PAGE_BITS][id & (PAGE - 1)];
    }

    /** The id of {@code word}, or -1. */
    int find(String word) {
        return find(word, word.length(), mix(word.hashCode()));
    }

    /** The id of the first {@code length} chars of {@code word}, or -1. */
    int find(String word, int length) {
        return find(word, length, mix(hash(word, length)));
    }

    /** The id of {@code word}, interning it when new. */
    int intern(String word) {
        int hash = mix(word.hashCode());
        int id = find(word, word.length(), hash);
        if (id >= 0) {
            return id;
        }
        id = size++;
        int page = id >>> PAGE_BITS;
        if (page == words.length) {
            words = java.util.Arrays.copyOf(words, page * 2);
        }
        if (words[page] == null) {
            words[page] = new String[PAGE];
        }
        words[page][id & (PAGE - 1)] = word;
        segments[hash >>> (32 - SEGMENT_BITS)].insert(hash, id);
        return id;
    }

    private int find(String word, int length, int hash) {
        Segment segment = segments[hash >>> (32 - SEGMENT_BITS)];
        int[] table = segment.table;
        int mask = table.length - 2;
        for (int at = (hash << 1) & mask; ; at = (at + 2) & mask) {
            int stored = table[at + 1];
            if (stored == 0) {
                return -1;
            }
            if (table[at] == hash) {
                String candidate = word(stored - 1);
                if (candidate.length() == length && word.regionMatches(0, candidate, 0, length)) {
                    return stored - 1;
                }
            }
        }
    }

    /** {@link String#hashCode()} of the first {@code length} chars. */
    private static int hash(String word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word.charAt(i);
        }
        return h;
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 15);
    }

    /**
     * One part of the hash table, at most half full: pairs of (mixed hash, id + 1) side by side, so a probe for a
     * word no query uses touches one cache line and never the strings.
     */
    private static final class Segment {
        int[] table = new int[32];
        int used;

        void insert(int hash, int id) {
            if ((used + 1) * 4 > table.length) {
                grow();
            }
            place(hash, id + 1);
            used++;
        }

        private void place(int hash, int storedId) {
            int mask = table.length - 2;
            int at = (hash << 1) & mask;
            while (table[at + 1] != 0) {
                at = (at + 2) & mask;
            }
            table[at] = hash;
            table[at + 1] = storedId;
        }

        private void grow() {
            int[] old = table;
            table = new int[old.length * 2];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i + 1] != 0) {
                    place(old[i], old[i + 1]);
                }
            }
        }
    }
}
