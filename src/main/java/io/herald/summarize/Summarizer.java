package io.herald.summarize;

/** Extractive summary of plain text. STUB: replaced by the summarize package. */
public final class Summarizer {
    public String summarize(String text, int maxChars) {
        throw new UnsupportedOperationException("not built yet");
    }

    public String summarize(String title, String text, int maxChars) {
        throw new UnsupportedOperationException("not built yet");
    }
}
