package io.herald.match.index;

import io.herald.match.Document;
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

    private final WordDictionary dictionary;
    private final IntList keys = new IntList();
    private int[] stamps = new int[0];
    private int stamp;
    private int[] ids = new int[256];
    private int[] nextSameWord = new int[256];
    private int[] nextSamePrefix = new int[256];
    private PostingLists postings;
    private boolean chained;
    private Document document;
    private List<String> titleWords;
    private List<String> textWords;
    private int titleCount;
    private int sourceId;

    DocumentView(WordDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * Reads {@code document}. When {@code postings} is given, notes each anchor key the document reaches that has
     * subscriptions: its words anywhere and in the title, its feed id, and its words' first 1-3 chars for the
     * lengths set in the masks (bit {@code n}: prefix keys of length {@code n} exist). With {@code chain}, words
     * are chained by their first three chars for {@link #hasPrefix}.
     */
    void load(Document document, PostingLists postings, int prefixMask, int titlePrefixMask, boolean chain) {
        prepare();
        this.document = document;
        this.postings = postings;
        this.chained = chain;
        keys.clear();
        titleWords = document.titleWords();
        textWords = document.textWords();
        titleCount = titleWords.size();
        int total = titleCount + textWords.size();
        if (ids.length < total) {
            int capacity = Math.max(total, ids.length * 2);
            ids = new int[capacity];
            nextSameWord = new int[capacity];
            nextSamePrefix = new int[capacity];
        }
        scan(titleWords, true, 0, prefixMask, titlePrefixMask);
        scan(textWords, false, titleCount, prefixMask, 0);
        String source = document.source();
        sourceId = source.isEmpty() ? -1 : dictionary.find(source.toLowerCase(Locale.ROOT));
        if (sourceId >= 0 && postings != null) {
            noteIf(postings.kinds(sourceId), sourceId, Anchors.SOURCE);
        }
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

    private void scan(List<String> words, boolean title, int offset, int anyMask, int titleMask) {
        boolean prefixes = anyMask != 0 || titleMask != 0 || chained;
        int seenAt = title ? TITLE_STAMP : ANY_STAMP;
        for (int i = 0, n = words.size(); i < n; i++) {
            String word = words.get(i);
            int position = offset + i;
            int id = dictionary.find(word);
            ids[position] = id;
            if (id >= 0) {
                int base = id * STRIDE;
                boolean again = stamps[base + WORD_STAMP] == stamp;
                nextSameWord[position] = again ? stamps[base + WORD_HEAD] : -1;
                stamps[base + WORD_HEAD] = position;
                stamps[base + WORD_STAMP] = stamp;
                if (again && stamps[base + seenAt] == stamp) {
                    continue;
                }
                int kinds = postings == null ? 0 : postings.kinds(id);
                if (stamps[base + ANY_STAMP] != stamp) {
                    stamps[base + ANY_STAMP] = stamp;
                    noteIf(kinds, id, Anchors.ANY_WORD);
                }
                if (title) {
                    stamps[base + TITLE_STAMP] = stamp;
                    noteIf(kinds, id, Anchors.TITLE_WORD);
                }
            }
            if (prefixes) {
                prefixes(word, position, anyMask, titleMask);
            }
        }
    }

    private void prefixes(String word, int position, int anyMask, int titleMask) {
        int longest = Math.min(CHAIN, word.length());
        for (int length = 1; length <= longest; length++) {
            boolean any = (anyMask & 1 << length) != 0;
            boolean inTitle = (titleMask & 1 << length) != 0;
            boolean chain = chained && length == CHAIN;
            if (!any && !inTitle && !chain) {
                continue;
            }
            int id = dictionary.find(word, length);
            if (id < 0) {
                continue;
            }
            int base = id * STRIDE;
            int kinds = postings == null ? 0 : postings.kinds(id);
            if (any && stamps[base + PREFIX_STAMP] != stamp) {
                stamps[base + PREFIX_STAMP] = stamp;
                noteIf(kinds, id, Anchors.ANY_PREFIX);
            }
            if (inTitle && stamps[base + TITLE_PREFIX_STAMP] != stamp) {
                stamps[base + TITLE_PREFIX_STAMP] = stamp;
                noteIf(kinds, id, Anchors.TITLE_PREFIX);
            }
            if (chain) {
                nextSamePrefix[position] = stamps[base + CHAIN_STAMP] == stamp ? stamps[base + CHAIN_HEAD] : -1;
                stamps[base + CHAIN_HEAD] = position;
                stamps[base + CHAIN_STAMP] = stamp;
            }
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

    Document document() {
        return document;
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
        if (chained && prefix.length() >= CHAIN) {
            int key = dictionary.find(prefix, CHAIN);
            int head = key < 0 || stamps[key * STRIDE + CHAIN_STAMP] != stamp ? -1 : stamps[key * STRIDE + CHAIN_HEAD];
            for (int at = head; at >= 0; at = nextSamePrefix[at]) {
                if ((!titleOnly || at < titleCount) && wordAt(at).startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
        return startsAny(titleWords, prefix) || (!titleOnly && startsAny(textWords, prefix));
    }

    private static boolean startsAny(List<String> words, String prefix) {
        for (int i = 0, n = words.size(); i < n; i++) {
            if (words.get(i).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private String wordAt(int position) {
        return position < titleCount ? titleWords.get(position) : textWords.get(position - titleCount);
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
        int end = titleCount + textWords.size();
        for (int at = stamps[first * STRIDE + WORD_HEAD]; at >= 0; at = nextSameWord[at]) {
            boolean inTitle = at < titleCount;
            if ((titleOnly && !inTitle) || at + n > (inTitle ? titleCount : end)) {
                continue;
            }
            int i = 1;
            while (i < whole && ids[at + i] == program[from + i]) {
                i++;
            }
            if (i == whole && (prefix == null || wordAt(at + whole).startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }
}
