package io.herald.match.index;

import io.herald.match.Document;
import io.herald.match.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Matches a document against many subscriptions at a cost that follows the document and its matches, not the number
 * of subscriptions; exactly {@link Query#matches} for each subscription, plus its feed limit.
 *
 * <p>How: each query is compiled to a small {@link Program} over interned word ids and filed under a few anchor
 * keys ({@link Anchors}): every document it matches contains one of them. Keys are words (anywhere or in the
 * title), pairs of adjacent words (for phrases), the first 1-3 chars of words (for prefixes) and feed ids. A document
 * is cut into words once ({@link DocumentView}); each word is looked up once in the dictionary of query words,
 * which yields the keys the document reaches; only the subscriptions filed under those keys are checked
 * ({@link MatchScratch}), and not even those when the key alone decides (a one-word query, a two-word phrase).
 * A subscription with one key keeps its id, feed set and program inside its posting entry, so checking it reads
 * memory next to the posting. Typical heap: about 100 bytes per subscription at a million.
 *
 * <p>Thread safety: a {@link ReentrantReadWriteLock}. {@link #match} holds the read lock for one document (tens of
 * microseconds), so any number of threads match at once; {@link #add} and {@link #remove} take the write lock and
 * change the posting lists in place (no rebuild; removal scans the key's posting list), so a change is visible to
 * every match that starts after it returns. The lock was chosen over copy-on-write posting lists because popular
 * keys have long lists that would be copied on every change, and over optimistic reads because a reader could then
 * see a slot reused by another subscription mid-document.
 */
public final class SubscriptionIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final WordDictionary dictionary = new WordDictionary();
    private final PostingLists postings = new PostingLists(dictionary);
    private final SlotTable slots = new SlotTable();
    private final LongIntMap slotOfId = new LongIntMap();
    private final FeedSets feedSets = new FeedSets();
    /** How many prefix keys of each length (1..3) there are, anywhere ([0]) and title-only ([1]). */
    private final int[][] prefixKeyCounts = new int[2][Anchors.PREFIX_KEY_LENGTH + 1];
    /** How many subscriptions have a prefix of three or more chars, which documents must chain words for. */
    private int longPrefixPrograms;
    private final ThreadLocal<MatchScratch> scratch;

    public SubscriptionIndex() {
        scratch = ThreadLocal.withInitial(() -> new MatchScratch(dictionary));
    }

    /**
     * Adds subscription {@code id}, or replaces it if present.
     *
     * @param feeds the feed ids it is limited to (compared exactly with {@link Document#source()}); empty = all
     */
    public void add(long id, Query query, Set<String> feeds) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(feeds, "feeds");
        lock.writeLock().lock();
        try {
            removeLocked(id);
            int[] program = QueryCompiler.compile(query, dictionary);
            int[] anchors = Anchors.of(program, dictionary, true);
            int feedSet = feedSets.intern(feeds);
            boolean inline = anchors.length == 1;
            int slot = slots.allocate(id, inline ? null : program, inline ? anchors[0] >>> 1 : -1, feedSet);
            for (int packed : anchors) {
                int key = packed >>> 1;
                postings.add(key, entry(slot, id, packed & 1, feedSet, inline ? program : null, anchors.length));
                countPrefixKey(key, 1);
            }
            slotOfId.put(id, slot);
            longPrefixPrograms += hasLongPrefix(program) ? 1 : 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A posting entry as {@link PostingLists} lays it out. */
    private static int[] entry(int slot, long id, int implies, int feedSet, int[] program, int keys) {
        int flags = implies | (keys > 1 ? Anchors.SEVERAL : 0) | (feedSet != 0 ? Anchors.FEEDS : 0)
                | (program != null ? Anchors.INLINE : 0);
        int length = 3 + (feedSet != 0 ? 1 : 0) + (program != null ? 1 + program.length : 0);
        int[] entry = new int[length];
        entry[0] = slot << Anchors.FLAG_BITS | flags;
        entry[1] = (int) (id >>> 32);
        entry[2] = (int) id;
        int at = 3;
        if (feedSet != 0) {
            entry[at++] = feedSet;
        }
        if (program != null) {
            entry[at++] = program.length;
            System.arraycopy(program, 0, entry, at, program.length);
        }
        return entry;
    }

    /** The program of the subscription in {@code slot}, wherever it is kept. */
    private int[] programOf(int slot) {
        int[] program = slots.program(slot);
        return program != null ? program : postings.inlineProgram(slots.key(slot), slot);
    }

    /** Removes subscription {@code id}; false if it was not there. */
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            return removeLocked(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether subscription {@code id} is in the index. */
    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return slotOfId.get(id) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many subscriptions the index holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return slotOfId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of the subscriptions that match {@code document}, each once, in no particular order. */
    public long[] match(Document document) {
        return match(document.title(), document.text(), document.source());
    }

    /**
     * The ids of the subscriptions that match an item with this title, text and feed id ({@code null} counts as
     * empty), each once, in no particular order; the same as {@link #match(Document)} without building a
     * {@link Document} (the index cuts ASCII text into words itself, which is faster).
     */
    public long[] match(String title, String text, String source) {
        MatchScratch run = scratch.get();
        lock.readLock().lock();
        try {
            matchSlots(title, text, source, run);
            return run.matchedIds();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The subscriptions that match {@code document}, each with its explanation, in no particular order. */
    public List<MatchExplanation> matchExplained(Document document) {
        MatchScratch run = scratch.get();
        lock.readLock().lock();
        try {
            IntList matched = matchSlots(document.title(), document.text(), document.source(), run);
            Explainer explainer = new Explainer(dictionary, document);
            List<MatchExplanation> out = new ArrayList<>(matched.size());
            for (int i = 0; i < matched.size(); i++) {
                int slot = matched.get(i);
                out.add(explainer.explain(slots.id(slot), programOf(slot)));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Why subscription {@code id} matches {@code document}; empty if it is not in the index or does not match. */
    public Optional<MatchExplanation> explain(long id, Document document) {
        MatchScratch run = scratch.get();
        lock.readLock().lock();
        try {
            int slot = slotOfId.get(id);
            if (slot < 0 || !feedSets.allows(slots.feedSet(slot), document.source())) {
                return Optional.empty();
            }
            int[] program = programOf(slot);
            run.view().load(document.title(), document.text(), document.source(), null, 0, 0,
                    longPrefixPrograms > 0);
            if (!Program.matches(program, run.view())) {
                return Optional.empty();
            }
            return Optional.of(new Explainer(dictionary, document).explain(id, program));
        } finally {
            lock.readLock().unlock();
        }
    }

    private IntList matchSlots(String title, String text, String source, MatchScratch run) {
        run.view().load(title, text, source, postings, prefixMask(0), prefixMask(1), longPrefixPrograms > 0);
        return run.resolve(postings, slots, feedSets);
    }

    private int prefixMask(int titleOnly) {
        int mask = 0;
        for (int length = 1; length <= Anchors.PREFIX_KEY_LENGTH; length++) {
            mask |= prefixKeyCounts[titleOnly][length] > 0 ? 1 << length : 0;
        }
        return mask;
    }

    private boolean removeLocked(long id) {
        int slot = slotOfId.remove(id);
        if (slot < 0) {
            return false;
        }
        int[] program = programOf(slot);
        for (int packed : Anchors.of(program, dictionary, false)) {
            postings.remove(packed >>> 1, slot);
            countPrefixKey(packed >>> 1, -1);
        }
        longPrefixPrograms -= hasLongPrefix(program) ? 1 : 0;
        slots.release(slot);
        return true;
    }

    private boolean hasLongPrefix(int[] program) {
        for (int pc = 0; pc < program.length; pc += Program.width(program, pc)) {
            int op = program[pc];
            int code = Program.code(op);
            int last = code == Program.PREFIX ? Program.arg(op)
                    : code == Program.PHRASE && Program.prefixLast(op) ? program[pc + Program.arg(op)] : -1;
            if (last >= 0 && dictionary.word(last).length() >= Anchors.PREFIX_KEY_LENGTH) {
                return true;
            }
        }
        return false;
    }

    private void countPrefixKey(int key, int delta) {
        int kind = key % Anchors.KINDS;
        if (kind == Anchors.ANY_PREFIX || kind == Anchors.TITLE_PREFIX) {
            int length = dictionary.word(key / Anchors.KINDS).length();
            prefixKeyCounts[kind == Anchors.ANY_PREFIX ? 0 : 1][length] += delta;
        }
    }
}
