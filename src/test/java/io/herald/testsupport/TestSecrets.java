package io.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The tokens the fakes were started with, written to {@code target/test-secrets.txt} (one per line) so that a check
 * after the whole suite can look for them in everything the suite printed ({@code TokenLeakIT}).
 */
public final class TestSecrets {
    /** Where the tokens are listed. */
    public static final Path FILE = Path.of("target", "test-secrets.txt");

    private TestSecrets() {
    }

    /** Records a token a fake accepts (a Telegram bot token, a Slack bot or app-level token). */
    public static synchronized void record(String token) {
        try {
            Files.createDirectories(FILE.getParent());
            if (Files.exists(FILE) && Files.readAllLines(FILE, StandardCharsets.UTF_8).contains(token)) {
                return;
            }
            Files.writeString(FILE, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a test token in " + FILE, e);
        }
    }

    /** Every token recorded so far. */
    public static List<String> all() throws IOException {
        return Files.exists(FILE) ? Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).distinct().toList() : List.of();
    }
}
