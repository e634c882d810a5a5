package io.herald.match.index;

import io.herald.match.TextNormalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One document as the compiled queries see it, built in one pass over its words (title first, then text, numbered
 * as one sequence of positions): the dictionary id at every position; which query words it contains anywhere and in
 * the title; the positions of each query word, chained, for phrases; the positions of words chained by their first
 * three chars, for prefixes; and the anchor keys it reaches that have subscriptions. Per-word facts are stamps in
 * one int array (8 ints per dictionary id, one cache line), so nothing is cleared between documents. The words are
 * never sorted. One instance per thread, reused.
 *
 * <p>A field that is all ASCII is cut into words here, exactly as {@link TextNormalizer} does (runs of ASCII letters
 * and digits, lower-cased), packing each word into a long as it goes, with no string made for words of up to 12
 * chars; other fields go through {@link TextNormalizer}.
 */
final class DocumentView {
    private static final int CHAIN = Anchors.PREFIX_KEY_LENGTH;
    private static final int STRIDE = 8;
    private static final int ANY_STAMP = 0;
    private static final int TITLE_STAMP = 1;
    private static final int PREFIX_STAMP = 2;
    private static final int TITLE_PREFIX_STAMP = 3;
    private static final int CHAIN_STAMP = 4;
    private static final int CHAIN_HEAD = 5;
    private static final int WORD_STAMP = 6;
    private static final int WORD_HEAD = 7;

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final WordDictionary dictionary;
    private final IntList keys = new IntList();
    private final Field title = new Field();
    private final Field text = new Field();
    /** While cutting an ASCII word: the packed form of its first 1, 2, 3 chars. */
    private final long[] leading = new long[CHAIN + 1];
    private int[] stamps = new int[0];
    private int stamp;
    private int[] ids = new int[256];
    private int[] nextSameWord = new int[256];
    private int[] nextSamePrefix = new int[256];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int positions;
    /** The id of the previous word in the current field (-1 if none or unknown), for word pairs. */
    private int previous;
    private boolean pairs;
    private PostingLists postings;
    private boolean chained;
    private String source;
    private int titleCount;
    private int sourceId;

    DocumentView(WordDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * Reads a document. When {@code postings} is given, notes each anchor key the document reaches that has
     * subscriptions: its words anywhere and in the title, its feed id, and its words' first 1-3 chars for the
     * lengths set in the masks (bit {@code n}: prefix keys of length {@code n} exist). With {@code chain}, words
     * are chained by their first three chars for {@link #hasPrefix}.
     */
    void load(String titleText, String bodyText, String sourceText, PostingLists postings, int prefixMask,
              int titlePrefixMask, boolean chain) {
        prepare();
        this.postings = postings;
        this.chained = chain;
        this.source = sourceText == null ? "" : sourceText;
        keys.clear();
        positions = 0;
        pairs = dictionary.hasPairs();
        read(title, titleText, true, prefixMask, titlePrefixMask);
        titleCount = positions;
        read(text, bodyText, false, prefixMask, 0);
        sourceId = source.isEmpty() ? -1 : dictionary.find(source.toLowerCase(Locale.ROOT));
        if (sourceId >= 0 && postings != null) {
            noteIf(postings.kinds(sourceId), sourceId, Anchors.SOURCE);
        }
    }

    /** The feed id as given. */
    String source() {
        return source;
    }

    private void read(Field field, String value, boolean inTitle, int anyMask, int titleMask) {
        field.text = value == null ? "" : value;
        field.offset = positions;
        field.ascii = isAscii(field.text);
        field.words = field.ascii ? null : NORMALIZER.words(field.text);
        boolean prefixes = anyMask != 0 || titleMask != 0 || chained;
        previous = -1;
        if (field.ascii) {
            scanAscii(field.text, inTitle, prefixes, anyMask, titleMask);
        } else {
            for (String word : field.words) {
                int position = claim();
                int id = dictionary.find(word);
                if (see(id, id < 0 || postings == null ? 0 : postings.kinds(id), position, inTitle) && prefixes) {
                    prefixes(word, position, anyMask, titleMask);
                }
            }
        }
    }

    /** Cuts ASCII text into words as {@link TextNormalizer} does, finding each word's id from its packed form. */
    private void scanAscii(String value, boolean inTitle, boolean prefixes, int anyMask, int titleMask) {
        int length = value.length();
        int i = 0;
        while (i < length) {
            if (WordDictionary.digit(value.charAt(i)) == 0) {
                i++;
                continue;
            }
            int start = i;
            long code = 0;
            while (i < length) {
                int digit = WordDictionary.digit(value.charAt(i));
                if (digit == 0) {
                    break;
                }
                int size = i - start;
                if (size < WordDictionary.MAX_PACKED) {
                    code = code * 37 + digit;
                }
                if (prefixes && size < CHAIN) {
                    leading[size + 1] = code;
                }
                i++;
            }
            int position = claim();
            starts[position] = start;
            ends[position] = i;
            int id;
            int kinds;
            if (i - start <= WordDictionary.MAX_PACKED) {
                long entry = dictionary.findPackedEntry(code);
                id = (int) entry;
                kinds = (int) (entry >>> 32);
            } else {
                id = dictionary.find(value.substring(start, i).toLowerCase(Locale.ROOT));
                kinds = id < 0 || postings == null ? 0 : postings.kinds(id);
            }
            if (see(id, kinds, position, inTitle) && prefixes) {
                packedPrefixes(leading, Math.min(CHAIN, i - start), position, anyMask, titleMask);
            }
        }
    }

    private static boolean isAscii(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private int claim() {
        if (positions == ids.length) {
            int capacity = positions * 2;
            ids = Arrays.copyOf(ids, capacity);
            nextSameWord = Arrays.copyOf(nextSameWord, capacity);
            nextSamePrefix = Arrays.copyOf(nextSamePrefix, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        return positions++;
    }

    private void prepare() {
        long needed = (long) dictionary.size() * STRIDE;
        if (stamps.length < needed) {
            stamps = new int[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, stamps.length * 3L / 2 + 512))];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    /**
     * Records the word with id {@code id} (-1: no query uses it) and key kinds {@code kindsIfIndexing} at
     * {@code position}; returns whether its prefixes still need looking at (false for a query word seen before).
     */
    private boolean see(int id, int kindsIfIndexing, int position, boolean inTitle) {
        ids[position] = id;
        if (pairs && previous >= 0 && id >= 0) {
            seePair(dictionary.findPair(previous, id), inTitle);
        }
        previous = id;
        if (id < 0) {
            return true;
        }
        int base = id * STRIDE;
        boolean again = stamps[base + WORD_STAMP] == stamp;
        nextSameWord[position] = again ? stamps[base + WORD_HEAD] : -1;
        stamps[base + WORD_HEAD] = position;
        stamps[base + WORD_STAMP] = stamp;
        if (again && stamps[base + (inTitle ? TITLE_STAMP : ANY_STAMP)] == stamp) {
            return false;
        }
        int kinds = postings == null ? 0 : kindsIfIndexing;
        if (stamps[base + ANY_STAMP] != stamp) {
            stamps[base + ANY_STAMP] = stamp;
            noteIf(kinds, id, Anchors.ANY_WORD);
        }
        if (inTitle) {
            stamps[base + TITLE_STAMP] = stamp;
            noteIf(kinds, id, Anchors.TITLE_WORD);
        }
        return true;
    }

    /** Records that the word pair {@code pair} (-1: no query uses it) occurs, anywhere or in the title. */
    private void seePair(int pair, boolean inTitle) {
        if (pair < 0) {
            return;
        }
        int base = pair * STRIDE;
        if (stamps[base + (inTitle ? TITLE_STAMP : ANY_STAMP)] == stamp) {
            return;
        }
        int kinds = postings == null ? 0 : postings.kinds(pair);
        if (stamps[base + ANY_STAMP] != stamp) {
            stamps[base + ANY_STAMP] = stamp;
            noteIf(kinds, pair, Anchors.ANY_WORD);
        }
        if (inTitle) {
            stamps[base + TITLE_STAMP] = stamp;
            noteIf(kinds, pair, Anchors.TITLE_WORD);
        }
    }

    private void packedPrefixes(long[] leading, int longest, int position, int anyMask, int titleMask) {
        for (int length = 1; length <= longest; length++) {
            if (wanted(length, anyMask, titleMask)) {
                prefix(dictionary.findPacked(leading[length]), length, position, anyMask, titleMask);
            }
        }
    }

    private void prefixes(String word, int position, int anyMask, int titleMask) {
        int longest = Math.min(CHAIN, word.length());
        for (int length = 1; length <= longest; length++) {
            if (wanted(length, anyMask, titleMask)) {
                prefix(dictionary.find(word, length), length, position, anyMask, titleMask);
            }
        }
    }

    private boolean wanted(int length, int anyMask, int titleMask) {
        return ((anyMask | titleMask) & 1 << length) != 0 || (chained && length == CHAIN);
    }

    /** A word at {@code position} starts with the string {@code id} ({@code length} chars; -1: not in use). */
    private void prefix(int id, int length, int position, int anyMask, int titleMask) {
        if (id < 0) {
            return;
        }
        int base = id * STRIDE;
        int kinds = postings == null ? 0 : postings.kinds(id);
        if ((anyMask & 1 << length) != 0 && stamps[base + PREFIX_STAMP] != stamp) {
            stamps[base + PREFIX_STAMP] = stamp;
            noteIf(kinds, id, Anchors.ANY_PREFIX);
        }
        if ((titleMask & 1 << length) != 0 && stamps[base + TITLE_PREFIX_STAMP] != stamp) {
            stamps[base + TITLE_PREFIX_STAMP] = stamp;
            noteIf(kinds, id, Anchors.TITLE_PREFIX);
        }
        if (chained && length == CHAIN) {
            nextSamePrefix[position] = stamps[base + CHAIN_STAMP] == stamp ? stamps[base + CHAIN_HEAD] : -1;
            stamps[base + CHAIN_HEAD] = position;
            stamps[base + CHAIN_STAMP] = stamp;
        }
    }

    private void noteIf(int kinds, int id, int kind) {
        if ((kinds & 1 << kind) != 0) {
            keys.add(Anchors.key(id, kind));
        }
    }

    /** The anchor keys noted by {@link #load}, each once. */
    IntList keys() {
        return keys;
    }

    boolean hasWord(int id, boolean titleOnly) {
        return stamps[id * STRIDE + (titleOnly ? TITLE_STAMP : ANY_STAMP)] == stamp;
    }

    boolean isSource(int id) {
        return id == sourceId;
    }

    /** Whether a word of the title (or the text too, unless title-only) starts with the string {@code id}. */
    boolean hasPrefix(int id, boolean titleOnly) {
        String prefix = dictionary.word(id);
        int end = titleOnly ? titleCount : positions;
        if (chained && prefix.length() >= CHAIN) {
            int key = dictionary.find(prefix, CHAIN);
            int head = key < 0 || stamps[key * STRIDE + CHAIN_STAMP] != stamp ? -1 : stamps[key * STRIDE + CHAIN_HEAD];
            for (int at = head; at >= 0; at = nextSamePrefix[at]) {
                if (at < end && startsWith(at, prefix)) {
                    return true;
                }
            }
            return false;
        }
        for (int at = 0; at < end; at++) {
            if (startsWith(at, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the folded word at {@code position} starts with {@code prefix}. */
    private boolean startsWith(int position, String prefix) {
        Field field = position < titleCount ? title : text;
        if (!field.ascii) {
            return field.words.get(position - field.offset).startsWith(prefix);
        }
        int start = starts[position];
        if (ends[position] - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = field.text.charAt(start + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words {@code program[from .. from+n)} next to each other within the title, or within the text unless
     * title-only; the last one only has to start a word when {@code prefixLast}. Walks the occurrences of the first
     * word only.
     */
    boolean hasPhrase(int[] program, int from, int n, boolean prefixLast, boolean titleOnly) {
        int whole = prefixLast ? n - 1 : n;
        for (int i = 0; i < whole; i++) {
            if (!hasWord(program[from + i], titleOnly)) {
                return false;
            }
        }
        if (prefixLast && !hasPrefix(program[from + n - 1], titleOnly)) {
            return false;
        }
        String prefix = prefixLast ? dictionary.word(program[from + n - 1]) : null;
        int first = program[from];
        int end = positions;
        for (int at = stamps[first * STRIDE + WORD_HEAD]; at >= 0; at = nextSameWord[at]) {
            boolean inTitle = at < titleCount;
            if ((titleOnly && !inTitle) || at + n > (inTitle ? titleCount : end)) {
                continue;
            }
            int i = 1;
            while (i < whole && ids[at + i] == program[from + i]) {
                i++;
            }
            if (i == whole && (prefix == null || startsWith(at + whole, prefix))) {
                return true;
            }
        }
        return false;
    }

    /** One field's text and how it was cut: by {@link #scanAscii} (offsets) or by the normalizer (words). */
    private static final class Field {
        String text;
        boolean ascii;
        List<String> words;
        int offset;
    }
}
