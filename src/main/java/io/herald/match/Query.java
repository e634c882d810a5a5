package io.herald.match;

/** A parsed query. STUB: replaced by the match package. */
public final class Query {
    private final String text;

    private Query(String text) {
        this.text = text;
    }

    public static Query parse(String text) throws QueryException {
        throw new UnsupportedOperationException("not built yet");
    }

    public boolean matches(Document document) {
        throw new UnsupportedOperationException("not built yet");
    }

    public String text() {
        return text;
    }
}
