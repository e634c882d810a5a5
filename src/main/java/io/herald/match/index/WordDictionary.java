package io.herald.match.index;

import java.util.Arrays;

/**
 * Interns the strings that queries use (words, prefixes, prefix keys, feed ids) as dense int ids, and finds the id
 * of a string, or of the first {@code length} chars of a string, without allocating.
 *
 * <p>Most folded words are a few ASCII letters and digits: up to 12 of them are packed exactly into a long (base
 * 37), so finding such a word compares longs and never touches the stored strings; other strings are found by
 * hash and compared. Both tables use open addressing with linear probing, at most half full, split into segments
 * that grow on their own, so adding a word never rehashes everything at once. A bit filter over the hashes (16 bits
 * per string, at most 1 MB, rebuilt when it doubles) answers most look-ups of words that no query uses (most of an
 * article's words) from cache. Ids are never reused:
 * a word stays once a query has used it (a few dozen bytes per distinct word). Not thread-safe:
 * {@link SubscriptionIndex} guards it.
 */
final class WordDictionary {
    private static final int SEGMENT_BITS = 6;
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MIN_FILTER_BITS = 15;
    private static final int MAX_FILTER_BITS = 23;
    static final int MAX_PACKED = 12;

    private final PackedSegment[] packed = new PackedSegment[1 << SEGMENT_BITS];
    private final HashedSegment[] hashed = new HashedSegment[1 << SEGMENT_BITS];
    private long[] filter = new long[1 << (MIN_FILTER_BITS - 6)];
    private final LongIntMap pairs = new LongIntMap();
    private String[][] words = new String[16][];
    private int size;

    WordDictionary() {
        for (int i = 0; i < packed.length; i++) {
            packed[i] = new PackedSegment();
            hashed[i] = new HashedSegment();
        }
    }

    /** How many strings have ids; ids are {@code 0 .. size()-1}. */
    int size() {
        return size;
    }

    /** The string with this id (null for a word pair). */
    String word(int id) {
        return words[id >>> PAGE_BITS][id & (PAGE - 1)];
    }

    /** The id of {@code word}, or -1. */
    int find(String word) {
        return find(word, word.length());
    }

    /** The id of the first {@code length} chars of {@code word}, or -1. */
    int find(String word, int length) {
        long code = pack(word, length);
        int hash = code > 0 ? mix(code) : mix(hash(word, length));
        if (!mightContain(hash)) {
            return -1;
        }
        if (code > 0) {
            long entry = packed[hash >>> (32 - SEGMENT_BITS)].entry(code, hash);
            return entry < 0 ? -1 : (int) entry;
        }
        return hashed[hash >>> (32 - SEGMENT_BITS)].find(word, length, hash, this);
    }

    /**
     * The id of the word whose {@link #digit digits} make {@code code} (as {@link #pack}), or -1; for words of
     * 1-12 ASCII letters and digits.
     */
    int findPacked(long code) {
        long entry = findPackedEntry(code);
        return entry < 0 ? -1 : (int) entry;
    }

    /**
     * As {@link #findPacked}, with the word's {@link #setKinds key kinds} in the upper 32 bits, so the caller learns
     * whether the word has subscriptions from the same cache line; -1 when absent.
     */
    long findPackedEntry(long code) {
        int hash = mix(code);
        if (!mightContain(hash)) {
            return -1;
        }
        return packed[hash >>> (32 - SEGMENT_BITS)].entry(code, hash);
    }

    /** Records which key kinds of word {@code id} have subscriptions (kept beside packed words only). */
    void setKinds(int id, int kinds) {
        String word = word(id);
        long code = word == null ? -1 : pack(word, word.length());
        if (code > 0) {
            packed[mix(code) >>> (32 - SEGMENT_BITS)].setKinds(code, mix(code), kinds);
        }
    }

    /** The base-37 digit of an ASCII letter (either case) or digit, else 0. */
    static int digit(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 1;
        }
        return c >= '0' && c <= '9' ? c - '0' + 27 : 0;
    }

    /**
     * The id standing for the word {@code first} directly followed by the word {@code second}, interning it when
     * new. A pair shares the id space (and so the per-document stamps) with strings but has no string of its own.
     */
    int internPair(int first, int second) {
        int id = findPair(first, second);
        if (id < 0) {
            id = allocate(null);
            long key = pairKey(first, second);
            pairs.put(key, id);
            setFilter(mix(key));
            growFilter();
        }
        return id;
    }

    /** The id of the pair of words, or -1. */
    int findPair(int first, int second) {
        long key = pairKey(first, second);
        return mightContain(mix(key)) ? pairs.get(key) : -1;
    }

    /** Whether any pair has been interned. */
    boolean hasPairs() {
        return pairs.size() > 0;
    }

    private static long pairKey(int first, int second) {
        return (long) first << 32 | second;
    }

    /** The id of {@code word}, interning it when new. */
    int intern(String word) {
        int id = find(word);
        if (id >= 0) {
            return id;
        }
        id = allocate(word);
        long code = pack(word, word.length());
        int hash = code > 0 ? mix(code) : mix(word.hashCode());
        if (code > 0) {
            packed[hash >>> (32 - SEGMENT_BITS)].insert(code, hash, id);
        } else {
            hashed[hash >>> (32 - SEGMENT_BITS)].insert(hash, id);
        }
        setFilter(hash);
        growFilter();
        return id;
    }

    /** A new id for {@code word} (null for a pair, which has no string). */
    private int allocate(String word) {
        int id = size++;
        int page = id >>> PAGE_BITS;
        if (page == words.length) {
            words = Arrays.copyOf(words, page * 2);
        }
        if (words[page] == null) {
            words[page] = new String[PAGE];
        }
        words[page][id & (PAGE - 1)] = word;
        return id;
    }

    /** Keeps at least 16 filter bits per id (up to 8 Mbit), so few unknown words get past it. */
    private void growFilter() {
        if ((long) size * 16 <= (long) filter.length * 64 || filter.length >= 1 << (MAX_FILTER_BITS - 6)) {
            return;
        }
        filter = new long[filter.length * 2];
        for (int id = 0; id < size; id++) {
            String word = word(id);
            if (word != null) {
                long code = pack(word, word.length());
                setFilter(code > 0 ? mix(code) : mix(word.hashCode()));
            }
        }
        pairs.forEachKey(key -> setFilter(mix(key)));
    }

    private boolean mightContain(int hash) {
        return (filter[(hash >>> 6) & (filter.length - 1)] & 1L << hash) != 0;
    }

    private void setFilter(int hash) {
        filter[(hash >>> 6) & (filter.length - 1)] |= 1L << hash;
    }

    /** The first {@code length} chars as a base-37 number when they are 1-12 of [a-z0-9], else -1. */
    private static long pack(String word, int length) {
        if (length > MAX_PACKED || length == 0) {
            return -1;
        }
        long code = 0;
        for (int i = 0; i < length; i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return -1;
            }
            int digit = digit(c);
            if (digit == 0) {
                return -1;
            }
            code = code * 37 + digit;
        }
        return code;
    }

    /** {@link String#hashCode()} of the first {@code length} chars. */
    private static int hash(String word, int length) {
        if (length == word.length()) {
            return word.hashCode();
        }
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word.charAt(i);
        }
        return h;
    }

    static int mix(long h) {
        long x = h * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }
}
