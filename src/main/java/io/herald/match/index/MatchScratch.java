package io.herald.match.index;

import java.util.Arrays;

/**
 * One thread's working memory for matching one document at a time: the document view, the subscriptions already
 * reached, and the result. Reused, so matching allocates little.
 */
final class MatchScratch {
    private final DocumentView view;
    private final IntSet reached = new IntSet();
    private final IntList matched = new IntList();
    /** Per feed set: 1 = allows this document's feed, 2 = does not, 0 = not asked yet. */
    private byte[] feedAnswers = new byte[16];

    MatchScratch(WordDictionary dictionary) {
        this.view = new DocumentView(dictionary);
    }

    DocumentView view() {
        return view;
    }

    /** The slots of the subscriptions that match the document {@link DocumentView#load loaded}, each once. */
    IntList resolve(PostingLists postings, SlotTable slots, FeedSets feedSets) {
        matched.clear();
        reached.clear();
        String source = view.source();
        if (feedAnswers.length < feedSets.size()) {
            feedAnswers = new byte[Math.max(feedSets.size(), feedAnswers.length * 2)];
        } else {
            Arrays.fill(feedAnswers, 0, feedSets.size(), (byte) 0);
        }
        IntList keys = view.keys();
        for (int k = 0; k < keys.size(); k++) {
            int[] list = postings.list(keys.get(k));
            for (int j = 1, n = list[0]; j <= n; j++) {
                int entry = list[j];
                int slot = entry >>> Anchors.FLAG_BITS;
                if ((entry & Anchors.SEVERAL) != 0 && !reached.add(slot)) {
                    continue;
                }
                if ((entry & Anchors.FEEDS) != 0 && !allows(feedSets, slots.feedSet(slot), source)) {
                    continue;
                }
                if ((entry & Anchors.IMPLIES) != 0 || Program.matches(slots.program(slot), view)) {
                    matched.add(slot);
                }
            }
        }
        return matched;
    }

    private boolean allows(FeedSets feedSets, int set, String source) {
        if (feedAnswers[set] == 0) {
            feedAnswers[set] = (byte) (feedSets.allows(set, source) ? 1 : 2);
        }
        return feedAnswers[set] == 1;
    }
}
