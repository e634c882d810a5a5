package io.herald.match.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the anchor keys of a compiled query: a small set of keys such that every document the query matches
 * contains at least one of them. A key is a dictionary id and a kind: a word anywhere, a word in the title, a
 * prefix key (the first {@value #PREFIX_KEY_LENGTH} chars of a prefix, or all of a shorter one) anywhere or in the
 * title, or a feed id. A term gives one key (a phrase its rarest-looking word); OR gives the union of its branches;
 * AND gives the cheapest of its parts that has keys; NOT gives none (the parser guarantees a query has keys).
 *
 * <p>"Cheap" is a guess at how often documents contain the key: long words are rarer than short ones, title keys
 * rarer than text keys, prefix keys commoner than words. A key "implies" the query when finding it in a document
 * is enough for a match (a one-term query, or a one-term branch of a top-level OR), so no check is needed.
 *
 * <p>Posting entries start with {@code slot << FLAG_BITS | flags} (see {@link PostingLists}).
 */
final class Anchors {
    static final int ANY_WORD = 0;
    static final int TITLE_WORD = 1;
    static final int ANY_PREFIX = 2;
    static final int TITLE_PREFIX = 3;
    static final int SOURCE = 4;
    static final int KINDS = 5;
    static final int PREFIX_KEY_LENGTH = 3;

    static final int FLAG_BITS = 4;
    /** Finding the key is enough: the query matches (feeds still apply). */
    static final int IMPLIES = 1;
    /** The query has several keys: a document may reach it more than once. */
    static final int SEVERAL = 2;
    /** The subscription is limited to some feeds: its feed set follows the id. */
    static final int FEEDS = 4;
    /** The subscription has this one key, and its program follows in the entry. */
    static final int INLINE = 8;

    private Anchors() {
    }

    static int key(int id, int kind) {
        return id * KINDS + kind;
    }

    /**
     * The distinct keys of {@code program}, each as {@code key << 1 | implies}. With {@code intern} new prefix keys
     * enter the dictionary; without, the program must have been anchored with {@code intern} before.
     */
    static int[] of(int[] program, WordDictionary dictionary, boolean intern) {
        List<Choice> stack = new ArrayList<>();
        for (int pc = 0; pc < program.length; pc += Program.width(program, pc)) {
            int op = program[pc];
            int code = Program.code(op);
            if (code == Program.NOT) {
                stack.set(stack.size() - 1, null);
            } else if (code == Program.AND || code == Program.OR) {
                List<Choice> operands = stack.subList(stack.size() - Program.arg(op), stack.size());
                Choice combined = code == Program.AND ? cheapest(operands) : union(operands);
                operands.clear();
                stack.add(combined);
            } else {
                stack.add(term(program, pc, dictionary, intern));
            }
        }
        Choice root = stack.get(0);
        if (root == null) {
            throw new IllegalArgumentException("the query has no term that must appear");
        }
        return root.packed();
    }

    private static Choice term(int[] program, int pc, WordDictionary dictionary, boolean intern) {
        int op = program[pc];
        boolean title = Program.titleOnly(op);
        switch (Program.code(op)) {
            case Program.WORD: {
                String word = dictionary.word(Program.arg(op));
                return Choice.of(key(Program.arg(op), title ? TITLE_WORD : ANY_WORD), true, wordCost(word, title));
            }
            case Program.PREFIX: {
                String prefix = dictionary.word(Program.arg(op));
                int length = Math.min(PREFIX_KEY_LENGTH, prefix.length());
                int id = intern ? dictionary.intern(prefix.substring(0, length)) : dictionary.find(prefix, length);
                long cost = (1L << (15 - length)) >> (title ? 3 : 0);
                return Choice.of(key(id, title ? TITLE_PREFIX : ANY_PREFIX), prefix.length() == length, cost);
            }
            case Program.SOURCE:
                return Choice.of(key(Program.arg(op), SOURCE), true, 1L << 10);
            default:
                return phraseChoice(program, pc, dictionary, intern);
        }
    }

    /**
     * A phrase with two or more whole words is anchored by a pair of adjacent whole words (the pair with the most
     * letters), which documents rarely contain by chance; finding the pair decides a two-word phrase. A phrase of
     * one whole word and a prefix is anchored by that word.
     */
    private static Choice phraseChoice(int[] program, int pc, WordDictionary dictionary, boolean intern) {
        int op = program[pc];
        boolean title = Program.titleOnly(op);
        int n = Program.arg(op);
        int whole = n - (Program.prefixLast(op) ? 1 : 0);
        int kind = title ? TITLE_WORD : ANY_WORD;
        if (whole == 1) {
            int id = program[pc + 1];
            return Choice.of(key(id, kind), false, wordCost(dictionary.word(id), title));
        }
        int best = 0;
        for (int i = 1; i + 1 < whole; i++) {
            if (letters(program, pc + 1 + i, dictionary) > letters(program, pc + 1 + best, dictionary)) {
                best = i;
            }
        }
        int first = program[pc + 1 + best];
        int second = program[pc + 2 + best];
        int pair = intern ? dictionary.internPair(first, second) : dictionary.findPair(first, second);
        return Choice.of(key(pair, kind), whole == n && n == 2, title ? 1 : 2);
    }

    private static int letters(int[] program, int at, WordDictionary dictionary) {
        return dictionary.word(program[at]).length() + dictionary.word(program[at + 1]).length();
    }

    private static long wordCost(String word, boolean title) {
        return (1L << (12 - Math.min(word.length(), 10))) >> (title ? 3 : 0);
    }

    private static Choice cheapest(List<Choice> parts) {
        Choice best = null;
        for (Choice part : parts) {
            if (part != null && (best == null || part.cost < best.cost)) {
                best = part;
            }
        }
        return best == null ? null : best.withoutImplies();
    }

    private static Choice union(List<Choice> branches) {
        Choice all = new Choice(new ArrayList<>(), 0);
        for (Choice branch : branches) {
            if (branch == null) {
                return null;
            }
            for (int packed : branch.keys) {
                all.add(packed);
            }
            all.cost += branch.cost;
        }
        return all;
    }

    /** Keys as {@code key << 1 | implies}, and their summed cost. */
    private static final class Choice {
        final List<Integer> keys;
        long cost;

        Choice(List<Integer> keys, long cost) {
            this.keys = keys;
            this.cost = cost;
        }

        static Choice of(int key, boolean implies, long cost) {
            List<Integer> keys = new ArrayList<>(1);
            keys.add(key << 1 | (implies ? 1 : 0));
            return new Choice(keys, Math.max(1, cost));
        }

        Choice withoutImplies() {
            List<Integer> plain = new ArrayList<>();
            for (int packed : keys) {
                add(plain, packed & ~1);
            }
            return new Choice(plain, cost);
        }

        void add(int packed) {
            add(keys, packed);
        }

        /** Adds a key once; a key that implies in any of its occurrences implies. */
        private static void add(List<Integer> keys, int packed) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) >>> 1 == packed >>> 1) {
                    keys.set(i, keys.get(i) | (packed & 1));
                    return;
                }
            }
            keys.add(packed);
        }

        int[] packed() {
            return keys.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
