package io.herald.match.index;

import java.util.Arrays;

/**
 * Per-subscription data by dense slot number: the subscription id, its compiled program (null when the program lives
 * in its only posting entry), its anchor key (for that case) and its feed set (0 = every feed). Slots of removed
 * subscriptions are reused. Columns live in pages of 4096 slots so that growing
 * never copies more than the page directory. Not thread-safe.
 */
final class SlotTable {
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private long[][] ids = new long[16][];
    private int[][][] programs = new int[16][][];
    private int[][] feedSets = new int[16][];
    private int[][] keys = new int[16][];
    private int highWater;
    private int[] free = new int[16];
    private int freeCount;

    /** A slot for a new subscription. */
    int allocate(long id, int[] program, int key, int feedSet) {
        int slot = freeCount > 0 ? free[--freeCount] : highWater++;
        int page = slot >>> PAGE_BITS;
        if (page == ids.length) {
            ids = Arrays.copyOf(ids, page * 2);
            programs = Arrays.copyOf(programs, page * 2);
            feedSets = Arrays.copyOf(feedSets, page * 2);
            keys = Arrays.copyOf(keys, page * 2);
        }
        if (ids[page] == null) {
            ids[page] = new long[PAGE];
            programs[page] = new int[PAGE][];
            feedSets[page] = new int[PAGE];
            keys[page] = new int[PAGE];
        }
        int at = slot & (PAGE - 1);
        ids[page][at] = id;
        programs[page][at] = program;
        feedSets[page][at] = feedSet;
        keys[page][at] = key;
        return slot;
    }

    void release(int slot) {
        programs[slot >>> PAGE_BITS][slot & (PAGE - 1)] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    long id(int slot) {
        return ids[slot >>> PAGE_BITS][slot & (PAGE - 1)];
    }

    int[] program(int slot) {
        return programs[slot >>> PAGE_BITS][slot & (PAGE - 1)];
    }

    /** The anchor key whose posting entry holds the program, when {@link #program} is null. */
    int key(int slot) {
        return keys[slot >>> PAGE_BITS][slot & (PAGE - 1)];
    }

    int feedSet(int slot) {
        return feedSets[slot >>> PAGE_BITS][slot & (PAGE - 1)];
    }
}
