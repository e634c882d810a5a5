package io.herald.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A summariser outside Herald (an LLM endpoint). Empty means it could not give a usable summary, and the extractive
 * summary is used instead; it must not throw.
 */
@FunctionalInterface
public interface SummaryWriter {
    /**
     * @param terms    the matched query terms the summary should focus on
     * @param maxChars the summary's budget; an answer must fit it
     */
    Optional<String> summarize(String title, String text, List<String> terms, int maxChars);
}
