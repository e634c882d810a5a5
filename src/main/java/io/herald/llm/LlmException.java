package io.herald.llm;

/** The LLM endpoint gave no usable answer; the message is one sentence naming the endpoint and the reason. */
public final class LlmException extends Exception {
    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
