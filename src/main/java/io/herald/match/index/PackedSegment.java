package io.herald.match.index;

/**
 * One segment of {@link WordDictionary}'s table of packed words: open addressing with linear probing, at most half
 * full, pairs of (code, value) side by side, so a probe touches one cache line; the value's low 32 bits are id + 1,
 * the high ones the word's key kinds. Not thread-safe.
 */
final class PackedSegment {
    private long[] table = new long[32];
    private int used;

    /** {@code kinds << 32 | id}, or -1. */
    long entry(long code, int hash) {
        int mask = table.length - 2;
        for (int at = (hash << 1) & mask; table[at + 1] != 0; at = (at + 2) & mask) {
            if (table[at] == code) {
                return table[at + 1] - 1;
            }
        }
        return -1;
    }

    void setKinds(long code, int hash, int kinds) {
        int mask = table.length - 2;
        for (int at = (hash << 1) & mask; table[at + 1] != 0; at = (at + 2) & mask) {
            if (table[at] == code) {
                table[at + 1] = (table[at + 1] & 0xFFFF_FFFFL) | (long) kinds << 32;
                return;
            }
        }
    }

    void insert(long code, int hash, int id) {
        if ((used + 1) * 4 > table.length) {
            long[] old = table;
            table = new long[old.length * 2];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i + 1] != 0) {
                    place(old[i], WordDictionary.mix(old[i]), old[i + 1]);
                }
            }
        }
        place(code, hash, id + 1);
        used++;
    }

    private void place(long code, int hash, long storedId) {
        int mask = table.length - 2;
        int at = (hash << 1) & mask;
        while (table[at + 1] != 0) {
            at = (at + 2) & mask;
        }
        table[at] = code;
        table[at + 1] = storedId;
    }
}
