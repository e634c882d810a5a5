package io.herald.match.index;

/**
 * Interns the strings that queries use (words, prefixes, prefix keys, feed ids) as dense int ids, and finds the id
 * of a string, or of the first {@code length} chars of a string, without allocating.
 *
 * <p>Open addressing with linear probing, split into segments that grow on their own, so that adding a word never
 * rehashes the whole dictionary at once. Ids are never reused: a word stays once a query has used it (a few dozen
 * bytes per distinct word). Not thread-safe: {@link SubscriptionIndex} guards it.
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
        int[] ids = segment.ids;
        int[] hashes = segment.hashes;
        int mask = ids.length - 1;
        for (int at = hash & mask; ; at = (at + 1) & mask) {
            int stored = ids[at];
            if (stored == 0) {
                return -1;
            }
            if (hashes[at] == hash) {
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

    /** One part of the hash table: slots hold id + 1 (0 is empty) and the mixed hash. */
    private static final class Segment {
        int[] ids = new int[16];
        int[] hashes = new int[16];
        int used;

        void insert(int hash, int id) {
            if ((used + 1) * 4 > ids.length * 3) {
                grow();
            }
            place(hash, id + 1);
            used++;
        }

        private void place(int hash, int storedId) {
            int mask = ids.length - 1;
            int at = hash & mask;
            while (ids[at] != 0) {
                at = (at + 1) & mask;
            }
            ids[at] = storedId;
            hashes[at] = hash;
        }

        private void grow() {
            int[] oldIds = ids;
            int[] oldHashes = hashes;
            ids = new int[oldIds.length * 2];
            hashes = new int[oldIds.length * 2];
            for (int i = 0; i < oldIds.length; i++) {
                if (oldIds[i] != 0) {
                    place(oldHashes[i], oldIds[i]);
                }
            }
        }
    }
}
