package io.herald.match;

import io.herald.model.Item;

/** Text to match against: title and body are separate fields; source is the feed id. STUB: replaced by the match package. */
public final class Document {
    private final String title;
    private final String text;
    private final String source;

    public Document(String title, String text, String source) {
        this.title = title == null ? "" : title;
        this.text = text == null ? "" : text;
        this.source = source == null ? "" : source;
    }

    public static Document of(Item item) {
        return new Document(item.title(), item.text(), item.feedId());
    }

    public String title() { return title; }
    public String text() { return text; }
    public String source() { return source; }
}
