package io.herald.match;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A node of the query syntax tree. Every node remembers the 1-based position where it starts. */
sealed interface Node {
    int OR_LEVEL = 1;
    int AND_LEVEL = 2;
    int NOT_LEVEL = 3;
    int TERM_LEVEL = 4;

    int position();

    /** The same node starting at another position (a parenthesised group starts at its parenthesis). */
    Node at(int position);

    boolean matches(Document document);

    /** Whether the node can match because something is present, rather than only because something is absent. */
    boolean positive();

    int level();

    void render(StringBuilder out);

    /** Visits the terms that count in favour of a match: those under an even number of negations. */
    void forEachPositiveTerm(boolean negated, Consumer<Node> action);

    /** Renders the node, in parentheses when it binds more loosely than its context. */
    default void render(StringBuilder out, int contextLevel) {
        if (level() < contextLevel) {
            out.append('(');
            render(out);
            out.append(')');
        } else {
            render(out);
        }
    }

    /** Either branch. */
    record Or(List<Node> branches, int position) implements Node {
        static Node of(List<Node> branches) {
            if (branches.size() == 1) {
                return branches.get(0);
            }
            List<Node> flat = new ArrayList<>();
            for (Node branch : branches) {
                if (branch instanceof Or or) {
                    flat.addAll(or.branches());
                } else {
                    flat.add(branch);
                }
            }
            return new Or(List.copyOf(flat), branches.get(0).position());
        }

        @Override public Node at(int at) { return new Or(branches, at); }

        @Override public boolean matches(Document document) {
            for (Node branch : branches) {
                if (branch.matches(document)) {
                    return true;
                }
            }
            return false;
        }

        @Override public boolean positive() { return branches.stream().allMatch(Node::positive); }

        @Override public int level() { return OR_LEVEL; }

        @Override public void render(StringBuilder out) { join(out, branches, " OR "); }

        @Override public void forEachPositiveTerm(boolean negated, Consumer<Node> action) {
            branches.forEach(b -> b.forEachPositiveTerm(negated, action));
        }
    }

    /** All parts. */
    record And(List<Node> parts, int position) implements Node {
        static Node of(List<Node> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<Node> flat = new ArrayList<>();
            for (Node part : parts) {
                if (part instanceof And and) {
                    flat.addAll(and.parts());
                } else {
                    flat.add(part);
                }
            }
            return new And(List.copyOf(flat), parts.get(0).position());
        }

        @Override public Node at(int at) { return new And(parts, at); }

        @Override public boolean matches(Document document) {
            for (Node part : parts) {
                if (!part.matches(document)) {
                    return false;
                }
            }
            return true;
        }

        @Override public boolean positive() { return parts.stream().anyMatch(Node::positive); }

        @Override public int level() { return AND_LEVEL; }

        @Override public void render(StringBuilder out) { join(out, parts, " AND "); }

        @Override public void forEachPositiveTerm(boolean negated, Consumer<Node> action) {
            parts.forEach(p -> p.forEachPositiveTerm(negated, action));
        }
    }

    /** Must not match. */
    record Not(Node child, int position) implements Node {
        @Override public Node at(int at) { return new Not(child, at); }

        @Override public boolean matches(Document document) { return !child.matches(document); }

        @Override public boolean positive() { return false; }

        @Override public int level() { return NOT_LEVEL; }

        @Override public void render(StringBuilder out) {
            out.append("NOT ");
            child.render(out, NOT_LEVEL);
        }

        @Override public void forEachPositiveTerm(boolean negated, Consumer<Node> action) {
            child.forEachPositiveTerm(!negated, action);
        }
    }

    /**
     * Words next to each other, in order, within one field (a single word is a phrase of one); when
     * {@code prefix}, the last word only has to start a word of the document.
     */
    record Term(List<String> words, boolean prefix, boolean titleOnly, int position) implements Node {
        public Term {
            words = List.copyOf(words);
        }

        @Override public Node at(int at) { return new Term(words, prefix, titleOnly, at); }

        @Override public boolean matches(Document document) {
            return document.contains(words, prefix, titleOnly);
        }

        @Override public boolean positive() { return true; }

        @Override public int level() { return TERM_LEVEL; }

        @Override public void render(StringBuilder out) {
            Query.writeTerm(out, words, prefix, titleOnly);
        }

        @Override public void forEachPositiveTerm(boolean negated, Consumer<Node> action) {
            if (!negated) {
                action.accept(this);
            }
        }
    }

    /** Items from one feed; {@code feedId} is lower case. */
    record Source(String feedId, int position) implements Node {
        @Override public Node at(int at) { return new Source(feedId, at); }

        @Override public boolean matches(Document document) { return document.hasSource(feedId); }

        @Override public boolean positive() { return true; }

        @Override public int level() { return TERM_LEVEL; }

        @Override public void render(StringBuilder out) { out.append("source:").append(feedId); }

        @Override public void forEachPositiveTerm(boolean negated, Consumer<Node> action) {
            if (!negated) {
                action.accept(this);
            }
        }
    }

    /** Joins operands; an AND inside an OR is parenthesised too, for readability. */
    private static void join(StringBuilder out, List<Node> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            out.append(i == 0 ? "" : separator);
            nodes.get(i).render(out, NOT_LEVEL);
        }
    }
}
