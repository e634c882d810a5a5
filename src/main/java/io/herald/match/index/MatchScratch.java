package io.herald.match.index;

/**
 * One thread's working memory for matching one document at a time: the document view, the subscriptions already
 * reached, and the result. Reused, so matching allocates little.
 */
final class MatchScratch {
    private final DocumentView view;
    private final IntSet reached = new IntSet();
    private final IntList matched = new IntList();

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
        String source = view.document().source();
        IntList keys = view.keys();
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
