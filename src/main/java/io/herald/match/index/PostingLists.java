package io.herald.match.index;

import java.util.Arrays;

/**
 * For each anchor key, the subscriptions (as posting entries, see {@link Anchors}) that a document containing the
 * key may match. A list is one {@code int[]} whose element 0 is its length; lists live in pages of 4096 keys so that
 * a new key never copies the whole table. Removing swaps the last entry into the hole, so order is arbitrary.
 * For each dictionary id, one byte says which of its keys ({@link Anchors} kinds) have entries, so a document word
 * with no subscriptions costs one byte read; the dictionary keeps a copy beside packed words. Not thread-safe.
 */
final class PostingLists {
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int[] EMPTY = {0};

    private final WordDictionary dictionary;
    private int[][][] pages = new int[16][][];
    private byte[][] kinds = new byte[16][];

    PostingLists(WordDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Bit {@code kind} is set when key {@code (id, kind)} has entries. */
    int kinds(int id) {
        int page = id >>> PAGE_BITS;
        return page < kinds.length && kinds[page] != null ? kinds[page][id & (PAGE - 1)] : 0;
    }

    /** The list of {@code key}: element 0 is the length, entries follow. Never null; do not modify. */
    int[] list(int key) {
        int page = key >>> PAGE_BITS;
        if (page >= pages.length || pages[page] == null) {
            return EMPTY;
        }
        int[] list = pages[page][key & (PAGE - 1)];
        return list == null ? EMPTY : list;
    }

    void add(int key, int entry) {
        int[][] page = page(key);
        int at = key & (PAGE - 1);
        int[] list = page[at];
        if (list == null) {
            list = new int[2];
        } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length + Math.max(2, list.length >> 1));
        }
        list[++list[0]] = entry;
        page[at] = list;
        setKind(key, true);
    }

    private void setKind(int key, boolean present) {
        int id = key / Anchors.KINDS;
        int page = id >>> PAGE_BITS;
        if (page >= kinds.length) {
            kinds = Arrays.copyOf(kinds, Math.max(page + 1, kinds.length * 2));
        }
        if (kinds[page] == null) {
            kinds[page] = new byte[PAGE];
        }
        int bit = 1 << (key % Anchors.KINDS);
        int at = id & (PAGE - 1);
        byte before = kinds[page][at];
        kinds[page][at] = (byte) (present ? before | bit : before & ~bit);
        if (kinds[page][at] != before) {
            dictionary.setKinds(id, kinds[page][at]);
        }
    }

    /** Removes the entry of {@code slot} (entries are {@code slot << Anchors.FLAG_BITS | flags}). */
    void remove(int key, int slot) {
        int[] list = list(key);
        int n = list[0];
        for (int i = 1; i <= n; i++) {
            if (list[i] >>> Anchors.FLAG_BITS == slot) {
                list[i] = list[n];
                list[n] = 0;
                list[0] = n - 1;
                shrink(key, list);
                return;
            }
        }
        throw new IllegalStateException("posting list " + key + " has no entry for slot " + slot);
    }

    private void shrink(int key, int[] list) {
        int[][] page = pages[key >>> PAGE_BITS];
        int at = key & (PAGE - 1);
        if (list[0] == 0) {
            page[at] = null;
            setKind(key, false);
        } else if (list.length > 16 && list[0] * 4 < list.length) {
            page[at] = Arrays.copyOf(list, list.length / 2);
        }
    }

    private int[][] page(int key) {
        int page = key >>> PAGE_BITS;
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
        }
        if (pages[page] == null) {
            pages[page] = new int[PAGE][];
        }
        return pages[page];
    }
}
