package io.herald.match.index;

import io.herald.match.Document;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the compiled queries ask of one document, answered with dictionary ids: which query words it contains
 * (anywhere or in the title), whether a word starts with a prefix, whether a phrase occurs, which feed it is from.
 * Presence is a stamp per dictionary id (the stamp is bumped per document, so nothing is cleared); word positions
 * for phrases are looked up only when a phrase has to be checked. One instance per thread, reused.
 */
final class DocumentView {
    private final WordDictionary dictionary;
    private int[] anyStamp = new int[0];
    private int[] titleStamp = new int[0];
    private int stamp;
    private Document document;
    private List<String> vocabulary;
    private List<String> titleVocabulary;
    private int sourceId;
    private boolean positioned;
    private List<String> titleWords;
    private List<String> textWords;
    private int[] titleIds = new int[16];
    private int[] textIds = new int[256];

    DocumentView(WordDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Starts on a new document; {@link #see} must then be called for each of its known distinct words. */
    void load(Document document) {
        int size = dictionary.size();
        if (anyStamp.length < size) {
            int capacity = Math.max(size, anyStamp.length * 3 / 2 + 64);
            anyStamp = new int[capacity];
            titleStamp = new int[capacity];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(anyStamp, 0);
            java.util.Arrays.fill(titleStamp, 0);
            stamp = 1;
        }
        this.document = document;
        this.vocabulary = document.vocabulary();
        this.titleVocabulary = document.titleVocabulary();
        String source = document.source();
        this.sourceId = source.isEmpty() ? -1 : dictionary.find(source.toLowerCase(Locale.ROOT));
        this.positioned = false;
    }

    Document document() {
        return document;
    }

    List<String> vocabulary() {
        return vocabulary;
    }

    List<String> titleVocabulary() {
        return titleVocabulary;
    }

    int sourceId() {
        return sourceId;
    }

    /** Records that the document contains the word with dictionary id {@code id} (in the title too, if so). */
    void see(int id, boolean inTitle) {
        anyStamp[id] = stamp;
        if (inTitle) {
            titleStamp[id] = stamp;
        }
    }

    boolean hasWord(int id, boolean titleOnly) {
        return (titleOnly ? titleStamp : anyStamp)[id] == stamp;
    }

    boolean hasPrefix(int id, boolean titleOnly) {
        return hasPrefix(titleOnly ? titleVocabulary : vocabulary, dictionary.word(id));
    }

    boolean isSource(int id) {
        return id == sourceId;
    }

    /** The words {@code program[from .. from+n)} next to each other in the title, or the text unless title-only. */
    boolean hasPhrase(int[] program, int from, int n, boolean prefixLast, boolean titleOnly) {
        int whole = prefixLast ? n - 1 : n;
        for (int i = 0; i < whole; i++) {
            if (!hasWord(program[from + i], titleOnly)) {
                return false;
            }
        }
        String prefix = prefixLast ? dictionary.word(program[from + n - 1]) : null;
        if (prefixLast && !hasPrefix(titleOnly ? titleVocabulary : vocabulary, prefix)) {
            return false;
        }
        position();
        return inField(titleIds, titleWords, program, from, n, prefix)
                || (!titleOnly && inField(textIds, textWords, program, from, n, prefix));
    }

    private static boolean inField(int[] ids, List<String> words, int[] program, int from, int n, String prefix) {
        int whole = prefix == null ? n : n - 1;
        int first = program[from];
        for (int start = 0; start + n <= words.size(); start++) {
            if (ids[start] != first) {
                continue;
            }
            int i = 1;
            while (i < whole && ids[start + i] == program[from + i]) {
                i++;
            }
            if (i == whole && (prefix == null || words.get(start + whole).startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    /** Dictionary ids of the words in order, -1 for words no query uses. */
    private void position() {
        if (positioned) {
            return;
        }
        titleWords = document.titleWords();
        textWords = document.textWords();
        titleIds = ids(titleWords, titleIds);
        textIds = ids(textWords, textIds);
        positioned = true;
    }

    private int[] ids(List<String> words, int[] buffer) {
        int[] ids = buffer.length >= words.size() ? buffer : new int[Math.max(words.size(), buffer.length * 2)];
        for (int i = 0; i < words.size(); i++) {
            ids[i] = dictionary.find(words.get(i));
        }
        return ids;
    }

    /** As {@link Document}: a binary search over the sorted distinct words. */
    static boolean hasPrefix(List<String> sortedWords, String prefix) {
        int at = Collections.binarySearch(sortedWords, prefix);
        if (at >= 0) {
            return true;
        }
        int insertion = -at - 1;
        return insertion < sortedWords.size() && sortedWords.get(insertion).startsWith(prefix);
    }
}
