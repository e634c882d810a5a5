package io.herald.match.index;

/**
 * A map from long keys to non-negative int values without boxing: open addressing with linear probing and
 * backward-shift deletion, up to 7/8 full (it is used when subscriptions change, not per document), split into
 * segments that grow on their own (no pause to rehash everything at once). Not thread-safe.
 */
final class LongIntMap {
    private static final int SEGMENT_BITS = 8;

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
    private int size;

    LongIntMap() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment();
        }
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        long hash = mix(key);
        return segments[(int) (hash >>> (64 - SEGMENT_BITS))].get(key, (int) hash);
    }

    /** Sets the value ({@code >= 0}) of {@code key}. */
    void put(long key, int value) {
        long hash = mix(key);
        if (segments[(int) (hash >>> (64 - SEGMENT_BITS))].put(key, (int) hash, value)) {
            size++;
        }
    }

    /** Removes {@code key}; returns its value, or -1. */
    int remove(long key) {
        long hash = mix(key);
        int old = segments[(int) (hash >>> (64 - SEGMENT_BITS))].remove(key, (int) hash);
        if (old >= 0) {
            size--;
        }
        return old;
    }

    /** Calls {@code action} with every key. */
    void forEachKey(java.util.function.LongConsumer action) {
        for (Segment segment : segments) {
            for (int i = 0; i < segment.keys.length; i++) {
                if (segment.values[i] != 0) {
                    action.accept(segment.keys[i]);
                }
            }
        }
    }

    private static long mix(long key) {
        long x = key * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /** Slots hold value + 1 (0 is empty). */
    private static final class Segment {
        long[] keys = new long[8];
        int[] values = new int[8];
        int used;

        int get(long key, int hash) {
            int mask = keys.length - 1;
            for (int at = hash & mask; values[at] != 0; at = (at + 1) & mask) {
                if (keys[at] == key) {
                    return values[at] - 1;
                }
            }
            return -1;
        }

        boolean put(long key, int hash, int value) {
            int mask = keys.length - 1;
            int at = hash & mask;
            while (values[at] != 0) {
                if (keys[at] == key) {
                    values[at] = value + 1;
                    return false;
                }
                at = (at + 1) & mask;
            }
            keys[at] = key;
            values[at] = value + 1;
            if (++used * 8 > keys.length * 7) {
                grow();
            }
            return true;
        }

        int remove(long key, int hash) {
            int mask = keys.length - 1;
            int at = hash & mask;
            while (values[at] != 0 && keys[at] != key) {
                at = (at + 1) & mask;
            }
            if (values[at] == 0) {
                return -1;
            }
            int old = values[at] - 1;
            shiftBack(at);
            used--;
            return old;
        }

        /** Fills the hole at {@code hole} with a later entry of the same probe run, as often as needed. */
        private void shiftBack(int hole) {
            int mask = keys.length - 1;
            int at = hole;
            while (true) {
                at = (at + 1) & mask;
                if (values[at] == 0) {
                    values[hole] = 0;
                    return;
                }
                int home = (int) mix(keys[at]) & mask;
                boolean movable = hole <= at ? (home <= hole || home > at) : (home <= hole && home > at);
                if (movable) {
                    keys[hole] = keys[at];
                    values[hole] = values[at];
                    hole = at;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != 0) {
                    int at = (int) mix(oldKeys[i]) & mask;
                    while (values[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    keys[at] = oldKeys[i];
                    values[at] = oldValues[i];
                }
            }
        }
    }
}
