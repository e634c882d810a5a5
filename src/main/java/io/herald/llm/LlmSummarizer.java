package io.herald.llm;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an LLM for a short, plain-text summary of an article focused on the subscriber's matched terms. Any failure
 * (timeout, error status, malformed or empty answer, nothing fits the budget) gives empty, so the caller uses the
 * extractive summary; failures are logged at INFO without the key. Thread-safe.
 */
public final class LlmSummarizer {
    private static final Logger LOG = LoggerFactory.getLogger(LlmSummarizer.class);
    /** The longest article text sent, to bound the cost and the time of one request. */
    static final int MAX_INPUT_CHARS = 12_000;

    private final ChatCompletionsClient client;
    private final PlainAnswer answers = new PlainAnswer();

    public LlmSummarizer(ChatCompletionsClient client) {
        this.client = client;
    }

    /**
     * A summary of at most {@code maxChars}, or empty when the LLM gave nothing usable.
     *
     * @param terms the matched query terms the summary should mention when the article does
     */
    public Optional<String> summarize(String title, String text, List<String> terms, int maxChars) {
        try {
            String answer = client.complete(system(terms, maxChars), user(title, text), maxTokens(maxChars));
            Optional<String> summary = answers.of(answer, maxChars);
            if (summary.isEmpty()) {
                LOG.info("llm: the answer from {} was empty or had no sentence within {} characters; using the"
                        + " extractive summary", client.url(), maxChars);
            }
            return summary;
        } catch (LlmException e) {
            LOG.info("{}; using the extractive summary", e.getMessage());
            return Optional.empty();
        }
    }

    static String system(List<String> terms, int maxChars) {
        String focus = terms.isEmpty() ? "" : " The reader follows " + String.join(", ", terms)
                + ": say what the article reports about that.";
        return "You summarise news articles for short alert messages. Write one to three plain sentences, at most "
                + maxChars + " characters in all, stating only facts found in the article." + focus
                + " No preamble, no Markdown, no lists, no quotation marks around the answer.";
    }

    private static String user(String title, String text) {
        String body = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        return (title.isBlank() ? "" : "Title: " + title + "\n\n") + body;
    }

    /** Roughly four characters per token, with room to finish the last sentence. */
    static int maxTokens(int maxChars) {
        return Math.max(32, maxChars / 3 + 16);
    }
}
