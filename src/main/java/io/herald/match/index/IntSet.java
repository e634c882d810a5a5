package io.herald.match.index;

/**
 * A set of non-negative ints that is emptied in time proportional to what it holds, for de-duplicating the
 * subscriptions one document reaches through several keys. Not thread-safe.
 */
final class IntSet {
    private int[] table = new int[64];
    private final IntList used = new IntList();

    /** Adds {@code value}; false when it was already there. */
    boolean add(int value) {
        if ((used.size() + 1) * 2 > table.length) {
            grow();
        }
        return insert(value);
    }

    void clear() {
        for (int i = 0; i < used.size(); i++) {
            table[used.get(i)] = 0;
        }
        used.clear();
    }

    private boolean insert(int value) {
        int mask = table.length - 1;
        int at = (value * 0x9E3779B9) >>> 7 & mask;
        while (table[at] != 0) {
            if (table[at] == value + 1) {
                return false;
            }
            at = (at + 1) & mask;
        }
        table[at] = value + 1;
        used.add(at);
        return true;
    }

    private void grow() {
        int[] old = table;
        int[] positions = new int[used.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = used.get(i);
        }
        table = new int[old.length * 2];
        used.clear();
        for (int position : positions) {
            insert(old[position] - 1);
        }
    }
}
