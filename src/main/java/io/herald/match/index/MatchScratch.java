package io.herald.match.index;

import io.herald.match.Document;
import java.util.List;

/**
 * One thread's working memory for matching one document at a time: the document view, the anchor keys the
 * document contains, the subscriptions already reached, and the result. Reused, so matching allocates little.
 */
final class MatchScratch {
    private final WordDictionary dictionary;
    private final DocumentView view;
    private final IntList keys = new IntList();
    private final IntSet reached = new IntSet();
    private final IntList matched = new IntList();
    private PostingLists postings;

    MatchScratch(WordDictionary dictionary) {
        this.dictionary = dictionary;
        this.view = new DocumentView(dictionary);
    }

    DocumentView view() {
        return view;
    }

    /**
     * Loads {@code document} into the view and, when {@code postings} is given, notes every key of the document
     * that has a non-empty posting list: its known words, title words, feed id, and the 1-3 char prefixes of its
     * words for the prefix lengths set in the masks (bit {@code n} = prefix keys of length {@code n} exist).
     */
    void collect(Document document, PostingLists postings, int prefixMask, int titlePrefixMask) {
        this.postings = postings;
        keys.clear();
        view.load(document);
        scan(view.vocabulary(), false, prefixMask);
        scan(view.titleVocabulary(), true, titlePrefixMask);
        if (view.sourceId() >= 0) {
            note(Anchors.key(view.sourceId(), Anchors.SOURCE));
        }
    }

    private void scan(List<String> sortedWords, boolean title, int prefixMask) {
        int wordKind = title ? Anchors.TITLE_WORD : Anchors.ANY_WORD;
        int prefixKind = title ? Anchors.TITLE_PREFIX : Anchors.ANY_PREFIX;
        String previous = "";
        for (int i = 0, n = sortedWords.size(); i < n; i++) {
            String word = sortedWords.get(i);
            int id = dictionary.find(word);
            if (id >= 0) {
                view.see(id, title);
                note(Anchors.key(id, wordKind));
            }
            if (prefixMask != 0) {
                prefixes(word, previous, prefixKind, prefixMask);
            }
            previous = word;
        }
    }

    /** Notes the prefix keys of {@code word} not already noted for {@code previous} (the words are sorted). */
    private void prefixes(String word, String previous, int kind, int prefixMask) {
        int longest = Math.min(Anchors.PREFIX_KEY_LENGTH, word.length());
        for (int length = 1; length <= longest; length++) {
            if ((prefixMask & 1 << length) == 0
                    || (previous.length() >= length && previous.regionMatches(0, word, 0, length))) {
                continue;
            }
            int id = dictionary.find(word, length);
            if (id >= 0) {
                note(Anchors.key(id, kind));
            }
        }
    }

    private void note(int key) {
        if (postings != null && postings.list(key)[0] > 0) {
            keys.add(key);
        }
    }

    /** The slots of the subscriptions that match the collected document, each once. */
    IntList resolve(SlotTable slots, FeedSets feedSets) {
        matched.clear();
        reached.clear();
        String source = view.document().source();
        for (int k = 0; k < keys.size(); k++) {
            int[] list = postings.list(keys.get(k));
            for (int j = 1, n = list[0]; j <= n; j++) {
                int entry = list[j];
                int slot = entry >>> Anchors.FLAG_BITS;
                if ((entry & Anchors.SEVERAL) != 0 && !reached.add(slot)) {
                    continue;
                }
                if ((entry & Anchors.FEEDS) != 0 && !feedSets.allows(slots.feedSet(slot), source)) {
                    continue;
                }
                if ((entry & Anchors.IMPLIES) != 0 || Program.matches(slots.program(slot), view)) {
                    matched.add(slot);
                }
            }
        }
        return matched;
    }
}
