package io.herald.config;

import java.util.List;
import java.util.Objects;

/**
 * A config file that has no errors, with the warnings found while reading it
 * (each one line: {@code file:line: warning: message}).
 */
public record LoadedConfig(HeraldConfig config, List<String> warnings) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
