package io.herald.config;

import java.util.List;

/**
 * The config or the environment cannot be used. {@link #problems()} lists every error found, each one line
 * (for the config file: {@code file:line: message}); the message is those lines joined by newlines.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final List<String> warnings;

    /** One problem, e.g. {@code herald.yml: file not found}. */
    public ConfigException(String problem) {
        this(List.of(problem), List.of());
    }

    /**
     * @param problems the errors, in the order to show them (at least one)
     * @param warnings warnings found alongside them, e.g. {@code herald.yml:4: warning: ...}; may be empty
     */
    public ConfigException(List<String> problems, List<String> warnings) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** Every error, one line each. */
    public List<String> problems() {
        return problems;
    }

    /** Warnings found in the same pass (not part of the message); empty when there were none. */
    public List<String> warnings() {
        return warnings;
    }
}
