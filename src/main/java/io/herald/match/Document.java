package io.herald.match;

import io.herald.model.Item;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text to match queries against: the title and the body are separate fields, the source is the feed id.
 *
 * <p>The text is normalised once, on construction (see {@link TextNormalizer}), so evaluating many queries against
 * one document is cheap: word and prefix look-ups are binary searches over sorted distinct words (sorted on the
 * first look-up, so code that only needs the words, like the subscription index, never pays for sorting), phrases
 * scan the word arrays of one field at a time (a phrase never spans the end of the title and the start of the text).
 * Instances are immutable and thread-safe.
 */
public final class Document {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final String title;
    private final String text;
    private final String source;
    private final String foldedSource;
    private final String[] titleWords;
    private final String[] textWords;
    private volatile String[] titleVocabulary;
    private volatile String[] vocabulary;

    /** A document; {@code null} values count as empty. */
    public Document(String title, String text, String source) {
        this.title = title == null ? "" : title;
        this.text = text == null ? "" : text;
        this.source = source == null ? "" : source;
        this.foldedSource = this.source.toLowerCase(Locale.ROOT);
        this.titleWords = NORMALIZER.words(this.title).toArray(String[]::new);
        this.textWords = NORMALIZER.words(this.text).toArray(String[]::new);
    }

    /** The item's title, its {@link Item#text() text} and its feed id. */
    public static Document of(Item item) {
        return new Document(item.title(), item.text(), item.feedId());
    }

    public String title() { return title; }

    public String text() { return text; }

    public String source() { return source; }

    /** The folded words of the title, in order. */
    public List<String> titleWords() {
        return List.of(titleWords);
    }

    /** The folded words of the text, in order. */
    public List<String> textWords() {
        return List.of(textWords);
    }

    boolean hasSource(String foldedFeedId) {
        return foldedSource.equals(foldedFeedId);
    }

    /**
     * Whether the words occur next to each other, in order, inside the title (or the text too, unless
     * {@code titleOnly}); when {@code lastIsPrefix} the last word only has to start the document's word.
     */
    boolean contains(List<String> words, boolean lastIsPrefix, boolean titleOnly) {
        String[] vocab = titleOnly ? titleVocabulary() : vocabulary();
        int last = words.size() - 1;
        for (int i = 0; i <= last; i++) {
            String word = words.get(i);
            boolean found = i == last && lastIsPrefix ? hasPrefix(vocab, word) : has(vocab, word);
            if (!found) {
                return false;
            }
        }
        if (last == 0) {
            return true;
        }
        return inField(titleWords, words, lastIsPrefix) || (!titleOnly && inField(textWords, words, lastIsPrefix));
    }

    /** The sorted distinct words of the title; computed once (racing threads compute the same array). */
    private String[] titleVocabulary() {
        String[] sorted = titleVocabulary;
        if (sorted == null) {
            sorted = distinctSorted(titleWords);
            titleVocabulary = sorted;
        }
        return sorted;
    }

    /** The sorted distinct words of the title and the text. */
    private String[] vocabulary() {
        String[] sorted = vocabulary;
        if (sorted == null) {
            String[] all = Arrays.copyOf(titleWords, titleWords.length + textWords.length);
            System.arraycopy(textWords, 0, all, titleWords.length, textWords.length);
            sorted = distinctSorted(all);
            vocabulary = sorted;
        }
        return sorted;
    }

    private static boolean inField(String[] field, List<String> words, boolean lastIsPrefix) {
        int last = words.size() - 1;
        String lastWord = words.get(last);
        for (int start = 0; start + last < field.length; start++) {
            int i = 0;
            while (i < last && field[start + i].equals(words.get(i))) {
                i++;
            }
            String candidate = field[start + last];
            if (i == last && (lastIsPrefix ? candidate.startsWith(lastWord) : candidate.equals(lastWord))) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(String[] vocab, String word) {
        return Arrays.binarySearch(vocab, word) >= 0;
    }

    private static boolean hasPrefix(String[] vocab, String prefix) {
        int at = Arrays.binarySearch(vocab, prefix);
        if (at >= 0) {
            return true;
        }
        int insertion = -at - 1;
        return insertion < vocab.length && vocab[insertion].startsWith(prefix);
    }

    private static String[] distinctSorted(String[] words) {
        String[] sorted = words.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || !sorted[n - 1].equals(sorted[i])) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    @Override
    public String toString() {
        return "Document[source=" + source + ", title=" + title + "]";
    }
}
