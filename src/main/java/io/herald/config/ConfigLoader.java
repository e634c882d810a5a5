package io.herald.config;

import io.herald.match.Query;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and validates Herald's YAML config file (see the "Config file" section of the interface docs).
 * Every problem is collected, not just the first, and reported as {@code file:line: message}, where {@code file}
 * is the path exactly as given.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads {@code file}.
     *
     * @return the validated config and any warnings ({@code file:line: warning: message})
     * @throws ConfigException listing every error (and, in {@link ConfigException#warnings()}, every warning)
     */
    public static LoadedConfig load(Path file) throws ConfigException {
        return load(file, Query::parse);
    }

    static LoadedConfig load(Path file, QueryCheck queryCheck) throws ConfigException {
        return parse(file.toString(), read(file), queryCheck);
    }

    /** Validates YAML text already read from the file {@code name} (the name used in messages). */
    public static LoadedConfig parse(String name, String yaml) throws ConfigException {
        return parse(name, yaml, Query::parse);
    }

    /** Reads the file as {@link #load} does, without validating it. */
    public static String text(Path file) throws ConfigException {
        return read(file);
    }

    /** Validates YAML text; {@code name} is the file name used in messages. */
    static LoadedConfig parse(String name, String yaml, QueryCheck queryCheck) throws ConfigException {
        Problems problems = new Problems(name);
        Optional<HeraldConfig> config = new YamlTreeReader(problems).read(yaml)
                .flatMap(root -> new ConfigValidator(problems, queryCheck).validate(root));
        if (problems.hasErrors() || config.isEmpty()) {
            throw new ConfigException(problems.errors(), problems.warnings());
        }
        return new LoadedConfig(config.get(), problems.warnings());
    }

    private static String read(Path file) throws ConfigException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(name + ": is a directory, not a config file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": file not found");
        } catch (AccessDeniedException e) {
            throw new ConfigException(name + ": permission denied");
        } catch (MalformedInputException e) {
            throw new ConfigException(name + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read file: " + e.getMessage());
        }
    }
}
