package io.herald.match;

/** A query the language refuses, with the 1-based character position of the problem. */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;
    private final String detail;

    public QueryException(int position, String detail) {
        super("position " + position + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    /** 1-based character position in the query text. */
    public int position() {
        return position;
    }

    /** The problem without the position prefix. */
    public String detail() {
        return detail;
    }
}
