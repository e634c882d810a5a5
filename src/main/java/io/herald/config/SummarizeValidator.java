package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Mapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Validates the {@code summarize:} section: {@code llm: {url, model, timeout}}, all optional as a whole. */
final class SummarizeValidator {
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> LLM_KEYS = List.of("url", "model", "timeout");

    private final Problems problems;

    SummarizeValidator(Problems problems) {
        this.problems = problems;
    }

    /** The LLM settings, or empty when there are none or they are invalid (then with problems). */
    Optional<LlmConfig> validate(YamlNode section) {
        Optional<Mapping> summarize = NodeChecks.mapping(section, "summarize", problems);
        if (summarize.isEmpty()) {
            return Optional.empty();
        }
        NodeChecks.unknownKeys(summarize.get(), List.of("llm"), "summarize", problems);
        Optional<Entry> llmEntry = summarize.get().entry("llm");
        YamlNode llmNode = llmEntry.map(Entry::value).orElse(null);
        if (NodeChecks.isEmpty(llmNode)) {
            return Optional.empty();
        }
        Optional<Mapping> llm = NodeChecks.mapping(llmNode, "summarize.llm", problems);
        if (llm.isEmpty()) {
            return Optional.empty();
        }
        NodeChecks.unknownKeys(llm.get(), LLM_KEYS, "summarize.llm", problems);
        int llmLine = llmEntry.orElseThrow().keyLine();
        Optional<URI> url = url(llm.get(), llmLine);
        Optional<String> model = required(llm.get(), llmLine, "model", "gpt-4o-mini");
        Optional<Duration> timeout = timeout(llm.get());
        if (url.isEmpty() || model.isEmpty() || timeout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LlmConfig(url.get(), model.get(), timeout.get()));
    }

    private Optional<URI> url(Mapping llm, int llmLine) {
        Optional<String> text = required(llm, llmLine, "url", "https://api.openai.com/v1/chat/completions");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int line = llm.entry("url").orElseThrow().value().line();
        Optional<String> problem = FeedsValidator.urlProblem(text.get());
        problem.ifPresent(p -> problems.error(line, "summarize.llm: url '" + text.get() + "' " + p));
        return problem.isPresent() ? Optional.empty() : Optional.of(URI.create(text.get()));
    }

    /** A non-blank single value; when missing, the error points at the value's key or else at {@code llm:}. */
    private Optional<String> required(Mapping llm, int llmLine, String key, String example) {
        Optional<Entry> entry = llm.entry(key);
        Optional<String> text = entry.flatMap(e -> NodeChecks.text(e.value(), "summarize.llm: " + key, problems))
                .map(String::strip).filter(t -> !t.isEmpty());
        boolean missing = entry.isEmpty() || NodeChecks.isEmpty(entry.get().value())
                || entry.get().value() instanceof YamlNode.Scalar && text.isEmpty();
        if (missing) {
            problems.error(entry.map(Entry::keyLine).orElse(llmLine),
                    "summarize.llm: missing " + key + " (e.g. " + key + ": " + example + ")");
        }
        return text;
    }

    private Optional<Duration> timeout(Mapping llm) {
        Optional<YamlNode> node = llm.entry("timeout").map(Entry::value).filter(n -> !NodeChecks.isEmpty(n));
        if (node.isEmpty()) {
            return Optional.of(LlmConfig.DEFAULT_TIMEOUT);
        }
        Optional<String> text = NodeChecks.text(node.get(), "summarize.llm: timeout", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration timeout = Durations.parse(text.get());
            if (timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0) {
                return Optional.of(timeout);
            }
            problems.error(node.get().line(), "summarize.llm: timeout " + text.get()
                    + " is out of range: give PT0.1S to 2m (e.g. 5s)");
        } catch (IllegalArgumentException e) {
            problems.error(node.get().line(), "summarize.llm: bad timeout: " + e.getMessage());
        }
        return Optional.empty();
    }
}
