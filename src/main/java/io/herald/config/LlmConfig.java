package io.herald.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The optional LLM summariser ({@code summarize.llm} in the config file): an OpenAI-compatible chat-completions
 * endpoint. Its API key comes from the environment ({@code HERALD_LLM_API_KEY}), never from the file.
 *
 * @param url     the full endpoint URL, e.g. {@code https://api.openai.com/v1/chat/completions}
 * @param model   the model name sent with each request
 * @param timeout the longest wait for one answer; on timeout the extractive summary is used
 */
public record LlmConfig(URI url, String model, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public LlmConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
    }
}
