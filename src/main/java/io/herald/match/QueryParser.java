package io.herald.match;

import io.herald.match.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the query language; see {@link Query} for the grammar and the rules.
 */
final class QueryParser {
    static final int MAX_LENGTH = 512;
    static final int MAX_TERMS = 32;
    private static final Pattern FEED_ID = Pattern.compile("[A-Za-z0-9-]+");

    private final TextNormalizer normalizer;
    private final List<Token> tokens;
    private int next;
    private int terms;

    private QueryParser(TextNormalizer normalizer, List<Token> tokens) {
        this.normalizer = normalizer;
        this.tokens = tokens;
    }

    /** The syntax tree of {@code text}, checked against every rule of the language. */
    static Node parse(String text, TextNormalizer normalizer) throws QueryException {
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new QueryException(MAX_LENGTH + 1, "the query is longer than " + MAX_LENGTH + " characters");
        }
        List<Token> tokens = QueryLexer.tokens(text);
        if (tokens.get(0).kind() == Kind.END) {
            throw new QueryException(1, "the query is empty");
        }
        QueryParser parser = new QueryParser(normalizer, tokens);
        Node root = parser.or(false);
        Token after = parser.peek();
        if (after.kind() == Kind.RPAREN) {
            throw new QueryException(after.position(), "\")\" has no matching \"(\"");
        }
        checkOrBranches(root);
        if (!root.positive()) {
            throw new QueryException(root.position(),
                    "the query only excludes; it needs a word that must appear");
        }
        return root;
    }

    private Node or(boolean titleOnly) throws QueryException {
        List<Node> branches = new ArrayList<>();
        branches.add(and(titleOnly));
        while (peek().kind() == Kind.OR) {
            Token operator = take();
            requireOperand(operator);
            branches.add(and(titleOnly));
        }
        return Node.Or.of(branches);
    }

    private Node and(boolean titleOnly) throws QueryException {
        List<Node> parts = new ArrayList<>();
        parts.add(unary(titleOnly));
        while (true) {
            Token token = peek();
            if (token.kind() == Kind.AND) {
                take();
                requireOperand(token);
            } else if (!startsOperand(token)) {
                return Node.And.of(parts);
            }
            parts.add(unary(titleOnly));
        }
    }

    private Node unary(boolean titleOnly) throws QueryException {
        Token token = peek();
        if (token.kind() == Kind.NOT || token.kind() == Kind.MINUS) {
            take();
            requireOperand(token);
            return new Node.Not(unary(titleOnly), token.position());
        }
        return primary(titleOnly);
    }

    private Node primary(boolean titleOnly) throws QueryException {
        Token token = take();
        switch (token.kind()) {
            case LPAREN: return group(token, titleOnly);
            case WORD: return word(token, titleOnly, token.position());
            case PHRASE: return phrase(token, titleOnly, token.position());
            case FIELD: return field(token, titleOnly);
            case AND:
            case OR:
                throw new QueryException(token.position(),
                        "\"" + token.text() + "\" needs a word, phrase or group before it");
            case RPAREN:
                throw new QueryException(token.position(), "\")\" has no matching \"(\"");
            default:
                throw new QueryException(token.position(), "a word, phrase or group is missing here");
        }
    }

    private Node group(Token open, boolean titleOnly) throws QueryException {
        if (peek().kind() == Kind.RPAREN) {
            throw new QueryException(open.position(), "the parentheses are empty");
        }
        Node inner = or(titleOnly);
        if (take().kind() != Kind.RPAREN) {
            throw new QueryException(open.position(), "\"(\" is never closed");
        }
        return inner.at(open.position());
    }

    private Node field(Token field, boolean titleOnly) throws QueryException {
        Token value = take();
        if (field.text().equals("title")) {
            switch (value.kind()) {
                case LPAREN: return group(value, true).at(field.position());
                case PHRASE: return phrase(value, true, field.position());
                default: return word(value, true, field.position());
            }
        }
        if (value.kind() == Kind.LPAREN) {
            throw new QueryException(value.position(), "\"source:\" takes one feed id, like source:world");
        }
        String feedId = value.text().strip();
        if (!FEED_ID.matcher(feedId).matches()) {
            throw new QueryException(value.position(),
                    "a feed id is made of letters, digits and \"-\", like source:world-news");
        }
        countTerm(field.position());
        return new Node.Source(feedId.toLowerCase(Locale.ROOT), field.position());
    }

    private Node word(Token token, boolean titleOnly, int position) throws QueryException {
        String raw = token.text();
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '*') {
            end--;
        }
        List<String> words = normalizer.words(raw.substring(0, end));
        if (words.isEmpty()) {
            throw new QueryException(token.position(), "\"" + raw + "\" has no letters or digits to match");
        }
        countTerm(position);
        return new Node.Term(words, end < raw.length(), titleOnly, position);
    }

    private Node phrase(Token token, boolean titleOnly, int position) throws QueryException {
        List<String> words = normalizer.words(token.text());
        if (words.isEmpty()) {
            throw new QueryException(token.position(), "the quoted phrase has no letters or digits to match");
        }
        countTerm(position);
        return new Node.Term(words, false, titleOnly, position);
    }

    private void countTerm(int position) throws QueryException {
        if (++terms > MAX_TERMS) {
            throw new QueryException(position, "the query has more than " + MAX_TERMS + " terms");
        }
    }

    private void requireOperand(Token operator) throws QueryException {
        if (!startsOperand(peek())) {
            String name = operator.kind() == Kind.MINUS ? "-" : operator.text();
            throw new QueryException(operator.position(),
                    "\"" + name + "\" must be followed by a word, phrase or group");
        }
    }

    private static boolean startsOperand(Token token) {
        switch (token.kind()) {
            case WORD: case PHRASE: case FIELD: case LPAREN: case NOT: case MINUS: return true;
            default: return false;
        }
    }

    private static void checkOrBranches(Node node) throws QueryException {
        if (node instanceof Node.Or or) {
            for (Node branch : or.branches()) {
                if (!branch.positive()) {
                    throw new QueryException(branch.position(),
                            "this OR branch only excludes; each branch needs a word that must appear");
                }
            }
            for (Node branch : or.branches()) {
                checkOrBranches(branch);
            }
        } else if (node instanceof Node.And and) {
            for (Node part : and.parts()) {
                checkOrBranches(part);
            }
        } else if (node instanceof Node.Not not) {
            checkOrBranches(not.child());
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }
}
