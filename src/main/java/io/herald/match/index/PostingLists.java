package io.herald.match.index;

import java.util.Arrays;

/**
 * For each anchor key, the subscriptions that a document containing the key may match. A list is one {@code int[]}:
 * element 0 is how many ints follow, then entries of varying length, read front to back:
 * <pre>
 * header = slot &lt;&lt; FLAG_BITS | flags     (see {@link Anchors})
 * id high, id low                        the subscription id
 * feed set                               only with FEEDS
 * program length, program ...            only with INLINE (subscriptions with one key keep their program here)
 * </pre>
 * so checking a subscription reads memory next to what was just read. Lists live in pages of 4096 keys so that a
 * new key never copies the whole table; removing an entry moves the rest of its list down.
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

    /** Appends an entry (laid out as above) to the list of {@code key}. */
    void add(int key, int[] entry) {
        int[][] page = page(key);
        int at = key & (PAGE - 1);
        int[] list = page[at];
        if (list == null) {
            list = new int[1 + entry.length];
        } else if (list[0] + 1 + entry.length > list.length) {
            list = Arrays.copyOf(list, Math.max(list[0] + 1 + entry.length, list.length + (list.length >> 2)));
        }
        System.arraycopy(entry, 0, list, 1 + list[0], entry.length);
        list[0] += entry.length;
        page[at] = list;
        setKind(key, true);
    }

    /** How many ints the entry starting at {@code at} takes. */
    static int entryLength(int[] list, int at) {
        int header = list[at];
        int length = 3 + ((header & Anchors.FEEDS) != 0 ? 1 : 0);
        return (header & Anchors.INLINE) != 0 ? length + 1 + list[at + length] : length;
    }

    /** The program kept in the entry of {@code slot} under {@code key}. */
    int[] inlineProgram(int key, int slot) {
        int[] list = list(key);
        int at = find(list, key, slot);
        int programAt = at + 3 + ((list[at] & Anchors.FEEDS) != 0 ? 1 : 0);
        return Arrays.copyOfRange(list, programAt + 1, programAt + 1 + list[programAt]);
    }

    /** Removes the entry of {@code slot}. */
    void remove(int key, int slot) {
        int[] list = list(key);
        int at = find(list, key, slot);
        int length = entryLength(list, at);
        int end = 1 + list[0];
        System.arraycopy(list, at + length, list, at, end - at - length);
        Arrays.fill(list, end - length, end, 0);
        list[0] -= length;
        shrink(key, list);
    }

    private static int find(int[] list, int key, int slot) {
        for (int at = 1, end = 1 + list[0]; at < end; at += entryLength(list, at)) {
            if (list[at] >>> Anchors.FLAG_BITS == slot) {
                return at;
            }
        }
        throw new IllegalStateException("posting list " + key + " has no entry for slot " + slot);
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

    private void shrink(int key, int[] list) {
        int[][] page = pages[key >>> PAGE_BITS];
        int at = key & (PAGE - 1);
        if (list[0] == 0) {
            page[at] = null;
            setKind(key, false);
        } else if (list.length > 64 && (list[0] + 1) * 4 < list.length) {
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
