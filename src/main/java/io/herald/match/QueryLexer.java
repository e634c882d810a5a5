package io.herald.match;

import io.herald.match.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits query text into tokens. Positions count code points from 1.
 *
 * <p>Outside quotes, whitespace, parentheses and quotes end a chunk of text; a chunk that is exactly {@code AND},
 * {@code OR} or {@code NOT} is an operator; a chunk starting with {@code title:} or {@code source:} (any case) is a
 * field prefix followed by its value; a {@code -} that starts a chunk negates what directly follows it. Straight
 * and typographic quotes ({@code "…"}, {@code “…”}, {@code „…“}) enclose phrases.
 */
final class QueryLexer {
    private final int[] chars;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private QueryLexer(String text) {
        this.chars = text.codePoints().toArray();
    }

    /** The tokens of {@code text}, ending with an {@link Kind#END} token. */
    static List<Token> tokens(String text) throws QueryException {
        QueryLexer lexer = new QueryLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws QueryException {
        while (true) {
            while (at < chars.length && isSpace(chars[at])) {
                at++;
            }
            if (at == chars.length) {
                tokens.add(new Token(Kind.END, "", at + 1));
                return;
            }
            int c = chars[at];
            if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.LPAREN : Kind.RPAREN, "", ++at));
            } else if (isOpeningQuote(c)) {
                phrase();
            } else if (c == '-') {
                minus();
            } else {
                chunk();
            }
        }
    }

    private void minus() throws QueryException {
        int position = at + 1;
        at++;
        if (at == chars.length || isSpace(chars[at]) || chars[at] == ')') {
            throw new QueryException(position, "\"-\" must be directly followed by a word, phrase or group");
        }
        tokens.add(new Token(Kind.MINUS, "-", position));
    }

    private void phrase() throws QueryException {
        int position = at + 1;
        int end = at + 1;
        while (end < chars.length && !isClosingQuote(chars[end])) {
            end++;
        }
        if (end == chars.length) {
            throw new QueryException(position, "the quote is never closed");
        }
        tokens.add(new Token(Kind.PHRASE, new String(chars, at + 1, end - at - 1), position));
        at = end + 1;
    }

    private void chunk() throws QueryException {
        int position = at + 1;
        String raw = readChunk();
        if (raw.equals("AND") || raw.equals("OR") || raw.equals("NOT")) {
            tokens.add(new Token(Kind.valueOf(raw), raw, position));
            return;
        }
        int colon = raw.indexOf(':');
        String field = colon < 0 ? "" : raw.substring(0, colon).toLowerCase(Locale.ROOT);
        if (field.equals("title") || field.equals("source")) {
            tokens.add(new Token(Kind.FIELD, field, position));
            at = position - 1 + raw.codePointCount(0, colon + 1);
            fieldValue(field, position);
        } else {
            tokens.add(new Token(Kind.WORD, raw, position));
        }
    }

    private void fieldValue(String field, int fieldPosition) throws QueryException {
        if (at == chars.length || isSpace(chars[at]) || chars[at] == ')') {
            throw new QueryException(fieldPosition,
                    "\"" + field + ":\" must be directly followed by a word, phrase or group");
        }
        int c = chars[at];
        if (c == '-') {
            throw new QueryException(at + 1,
                    "write -" + field + ":word to exclude, not " + field + ":-word");
        }
        if (c == '(') {
            tokens.add(new Token(Kind.LPAREN, "", ++at));
        } else if (isOpeningQuote(c)) {
            phrase();
        } else {
            int position = at + 1;
            tokens.add(new Token(Kind.WORD, readChunk(), position));
        }
    }

    private String readChunk() {
        int start = at;
        while (at < chars.length && !endsChunk(chars[at])) {
            at++;
        }
        return new String(chars, start, at - start);
    }

    private static boolean endsChunk(int c) {
        return isSpace(c) || c == '(' || c == ')' || isOpeningQuote(c);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isOpeningQuote(int c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }

    private static boolean isClosingQuote(int c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }
}
