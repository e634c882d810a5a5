package io.herald.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads environment variables, collecting one problem line per bad variable ({@code NAME: what is wrong}).
 * Blank values count as unset. Secret values never appear in a problem.
 */
final class EnvReader {
    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void problem(String name, String message) {
        problems.add(name + ": " + message);
    }

    /** The stripped value, or empty when unset or blank. */
    Optional<String> text(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A path, or {@code fallback} when unset. */
    Path path(String name, Path fallback) {
        Optional<String> text = text(name);
        try {
            return text.map(Path::of).orElse(fallback);
        } catch (InvalidPathException e) {
            problem(name, "'" + text.get() + "' is not a valid path");
            return fallback;
        }
    }

    /** An absolute http(s) URL with a host, or {@code fallback} when unset or invalid (then with a problem). */
    URI httpUrl(String name, URI fallback) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(name, "'" + text.get() + "' is not an http:// or https:// URL with a host (and no query)");
        return fallback;
    }

    /**
     * A secret from {@code NAME} or from the file named by {@code NAME_FILE} (content stripped).
     * Both set, an unreadable or empty file, or whitespace inside the value is a problem.
     */
    Optional<Secret> secret(String name) {
        String fileVariable = name + "_FILE";
        Optional<String> direct = text(name);
        Optional<String> file = text(fileVariable);
        if (direct.isPresent() && file.isPresent()) {
            problem(name, "set either " + name + " or " + fileVariable + ", not both");
            return Optional.empty();
        }
        Optional<String> value = file.isPresent() ? readSecretFile(fileVariable, file.get()) : direct;
        String source = file.isPresent() ? fileVariable : name;
        if (value.isPresent() && value.get().chars().anyMatch(Character::isWhitespace)) {
            problem(source, "the value contains whitespace; a token is a single word");
            return Optional.empty();
        }
        return value.map(Secret::of);
    }

    private Optional<String> readSecretFile(String variable, String pathText) {
        try {
            Path path = Path.of(pathText);
            if (Files.isDirectory(path)) {
                problem(variable, "cannot read file " + pathText + ": it is a directory");
                return Optional.empty();
            }
            if (Files.size(path) > MAX_SECRET_FILE_BYTES) {
                problem(variable, "file " + pathText + " is too large to hold a secret");
                return Optional.empty();
            }
            String content = Files.readString(path).strip();
            if (content.isEmpty()) {
                problem(variable, "file " + pathText + " is empty");
                return Optional.empty();
            }
            return Optional.of(content);
        } catch (InvalidPathException e) {
            problem(variable, "'" + pathText + "' is not a valid path");
        } catch (IOException e) {
            problem(variable, "cannot read file " + pathText + ": " + reason(e));
        }
        return Optional.empty();
    }

    /** Why a file could not be read, without any of its content. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getClass().getSimpleName();
    }
}
