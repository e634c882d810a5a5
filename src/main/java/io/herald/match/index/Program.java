package io.herald.match.index;

/**
 * A compiled query: one {@code int[]} in postfix order, evaluated with a stack of bits. One int per operation:
 * the low 3 bits are the operation, then a title-only flag, a last-word-is-a-prefix flag, and the argument
 * (a {@link WordDictionary} id or an operand count). A phrase is followed by the ids of its words.
 *
 * <pre>
 * kursk                      [WORD kursk]
 * "north korea" -sport       [PHRASE|2 north korea] [WORD sport] [NOT] [AND|2]
 * title:korea* OR source:w   [PREFIX|title korea] [SOURCE w] [OR|2]
 * </pre>
 * Terms are in query order, so a single word query is a one-element array.
 */
final class Program {
    static final int WORD = 0;
    static final int PREFIX = 1;
    static final int PHRASE = 2;
    static final int SOURCE = 3;
    static final int NOT = 4;
    static final int AND = 5;
    static final int OR = 6;

    static final int TITLE = 1 << 3;
    static final int PREFIX_LAST = 1 << 4;
    private static final int ARG_SHIFT = 5;
    static final int MAX_ARG = (1 << (32 - ARG_SHIFT)) - 1;
    /** The bit stack holds one bit per term; the parser allows 32 terms. */
    static final int MAX_TERMS = 63;

    private Program() {
    }

    static int op(int code, int flags, int arg) {
        if (arg < 0 || arg > MAX_ARG) {
            throw new IllegalArgumentException("argument out of range: " + arg);
        }
        return code | flags | arg << ARG_SHIFT;
    }

    static int code(int op) {
        return op & 7;
    }

    static int arg(int op) {
        return op >>> ARG_SHIFT;
    }

    static boolean titleOnly(int op) {
        return (op & TITLE) != 0;
    }

    static boolean prefixLast(int op) {
        return (op & PREFIX_LAST) != 0;
    }

    /** How many ints the operation at {@code pc} takes. */
    static int width(int[] program, int pc) {
        return code(program[pc]) == PHRASE ? 1 + arg(program[pc]) : 1;
    }

    /** Whether the document satisfies the program; exactly {@link io.herald.match.Query#matches}. */
    static boolean matches(int[] program, DocumentView doc) {
        return matches(program, 0, program.length, doc);
    }

    /** As {@link #matches(int[], DocumentView)} for the program in {@code code[from .. to)}. */
    static boolean matches(int[] code, int from, int to, DocumentView doc) {
        int[] program = code;
        long stack = 0;
        for (int pc = from; pc < to; pc++) {
            int op = program[pc];
            switch (op & 7) {
                case WORD -> stack = stack << 1 | bit(doc.hasWord(arg(op), titleOnly(op)));
                case PREFIX -> stack = stack << 1 | bit(doc.hasPrefix(arg(op), titleOnly(op)));
                case PHRASE -> {
                    int n = arg(op);
                    stack = stack << 1 | bit(doc.hasPhrase(program, pc + 1, n, prefixLast(op), titleOnly(op)));
                    pc += n;
                }
                case SOURCE -> stack = stack << 1 | bit(doc.isSource(arg(op)));
                case NOT -> stack ^= 1;
                case AND -> {
                    int n = arg(op);
                    long mask = (1L << n) - 1;
                    stack = (stack >>> n) << 1 | bit((stack & mask) == mask);
                }
                default -> {
                    int n = arg(op);
                    long mask = (1L << n) - 1;
                    stack = (stack >>> n) << 1 | bit((stack & mask) != 0);
                }
            }
        }
        return (stack & 1) != 0;
    }

    private static long bit(boolean value) {
        return value ? 1 : 0;
    }
}
