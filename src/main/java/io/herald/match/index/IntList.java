package io.herald.match.index;

import java.util.Arrays;

/** A growable list of ints, reused across documents. Not thread-safe. */
final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void removeLast() {
        size--;
    }

    void clear() {
        size = 0;
    }
}
