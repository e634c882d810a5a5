package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.ConfigLoader;
import io.herald.config.LoadedConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --config FILE} option: defaults to {@code HERALD_CONFIG}, then {@code config/herald.yml}. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Config file (default: $HERALD_CONFIG or config/herald.yml).")
    Path file;

    Path path() {
        if (file != null) {
            return file;
        }
        String env = Environment.get("HERALD_CONFIG");
        return Path.of(env == null || env.isBlank() ? "config/herald.yml" : env);
    }

    /** Loads and validates the config, or fails with every problem as {@code file:line: message} (exit 2). */
    LoadedConfig load() {
        try {
            return ConfigLoader.load(path());
        } catch (ConfigException e) {
            throw UserInputException.from(e);
        }
    }
}
