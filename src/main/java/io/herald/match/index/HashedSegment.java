package io.herald.match.index;

/**
 * One segment of {@link WordDictionary}'s table of strings that do not pack: open addressing with linear probing,
 * at most half full, pairs of (mixed hash, id + 1); a matching hash is confirmed against the stored string.
 * Not thread-safe.
 */
final class HashedSegment {
    private int[] table = new int[32];
    private int used;

    int find(String word, int length, int hash, WordDictionary owner) {
        int mask = table.length - 2;
        for (int at = (hash << 1) & mask; table[at + 1] != 0; at = (at + 2) & mask) {
            if (table[at] == hash) {
                String candidate = owner.word(table[at + 1] - 1);
                if (candidate.length() == length && word.regionMatches(0, candidate, 0, length)) {
                    return table[at + 1] - 1;
                }
            }
        }
        return -1;
    }

    void insert(int hash, int id) {
        if ((used + 1) * 4 > table.length) {
            int[] old = table;
            table = new int[old.length * 2];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i + 1] != 0) {
                    place(old[i], old[i + 1]);
                }
            }
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
}
