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
    private final LongList matchedIds = new LongList();
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
        matchedIds.clear();
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
            for (int at = 1, end = 1 + list[0]; at < end; ) {
                int header = list[at];
                int next = at + 3;
                int feedSet = (header & Anchors.FEEDS) != 0 ? list[next++] : 0;
                int programAt = next + 1;
                int programEnd = (header & Anchors.INLINE) != 0 ? programAt + list[next] : next;
                int entry = at;
                at = programEnd;
                int slot = header >>> Anchors.FLAG_BITS;
                if ((header & Anchors.SEVERAL) != 0 && !reached.add(slot)) {
                    continue;
                }
                if (feedSet != 0 && !allows(feedSets, feedSet, source)) {
                    continue;
                }
                if ((header & Anchors.IMPLIES) != 0
                        || ((header & Anchors.INLINE) != 0 ? Program.matches(list, programAt, programEnd, view)
                                : Program.matches(slots.program(slot), view))) {
                    matched.add(slot);
                    matchedIds.add((long) list[entry + 1] << 32 | (list[entry + 2] & 0xFFFF_FFFFL));
                }
            }
        }
        return matched;
    }

    /** The ids of the subscriptions {@link #resolve} found, as a new array. */
    long[] matchedIds() {
        return matchedIds.toArray();
    }

    private boolean allows(FeedSets feedSets, int set, String source) {
        if (feedAnswers[set] == 0) {
            feedAnswers[set] = (byte) (feedSets.allows(set, source) ? 1 : 2);
        }
        return feedAnswers[set] == 1;
    }
}
