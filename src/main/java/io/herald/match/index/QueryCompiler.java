package io.herald.match.index;

import io.herald.match.Query;
import io.herald.match.QueryVisitor;
import java.util.List;

/** Compiles a parsed {@link Query} into a {@link Program}, interning its strings in the dictionary. */
final class QueryCompiler implements QueryVisitor<int[]> {
    private final WordDictionary dictionary;
    private int terms;

    private QueryCompiler(WordDictionary dictionary) {
        this.dictionary = dictionary;
    }

    static int[] compile(Query query, WordDictionary dictionary) {
        QueryCompiler compiler = new QueryCompiler(dictionary);
        int[] program = query.accept(compiler);
        if (compiler.terms > Program.MAX_TERMS) {
            throw new IllegalArgumentException("query has more than " + Program.MAX_TERMS + " terms: " + query);
        }
        return program;
    }

    @Override
    public int[] or(List<int[]> branches) {
        return join(branches, Program.OR);
    }

    @Override
    public int[] and(List<int[]> parts) {
        return join(parts, Program.AND);
    }

    @Override
    public int[] not(int[] child) {
        int[] out = java.util.Arrays.copyOf(child, child.length + 1);
        out[child.length] = Program.op(Program.NOT, 0, 0);
        return out;
    }

    @Override
    public int[] term(List<String> words, boolean prefix, boolean titleOnly) {
        terms++;
        int flags = titleOnly ? Program.TITLE : 0;
        String last = words.get(words.size() - 1);
        if (prefix && last.length() >= Anchors.PREFIX_KEY_LENGTH) {
            dictionary.intern(last.substring(0, Anchors.PREFIX_KEY_LENGTH));
        }
        if (words.size() == 1) {
            int id = dictionary.intern(words.get(0));
            return new int[] {Program.op(prefix ? Program.PREFIX : Program.WORD, flags, id)};
        }
        int[] out = new int[1 + words.size()];
        out[0] = Program.op(Program.PHRASE, flags | (prefix ? Program.PREFIX_LAST : 0), words.size());
        for (int i = 0; i < words.size(); i++) {
            out[1 + i] = dictionary.intern(words.get(i));
        }
        return out;
    }

    @Override
    public int[] source(String feedId) {
        terms++;
        return new int[] {Program.op(Program.SOURCE, 0, dictionary.intern(feedId))};
    }

    private static int[] join(List<int[]> operands, int code) {
        int length = 1;
        for (int[] operand : operands) {
            length += operand.length;
        }
        int[] out = new int[length];
        int at = 0;
        for (int[] operand : operands) {
            System.arraycopy(operand, 0, out, at, operand.length);
            at += operand.length;
        }
        out[at] = Program.op(code, 0, operands.size());
        return out;
    }
}
