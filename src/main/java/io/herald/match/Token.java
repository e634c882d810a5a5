package io.herald.match;

/**
 * One lexical token of a query.
 *
 * @param kind     what the token is
 * @param text     the raw text: a word chunk, the inside of a quoted phrase, or the field name
 * @param position 1-based character (code point) position of the token's first character
 */
record Token(Kind kind, String text, int position) {

    enum Kind { WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, MINUS, END }
}
