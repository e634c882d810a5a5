package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.TestSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole test suite ({@code mvn verify}, failsafe): every Telegram and Slack token a fake was started
 * with must appear nowhere in what the suite printed: Herald's logs, the libraries' logs, exception messages and the
 * output of {@code herald run} in its own JVM, as surefire captured them in {@code target/surefire-reports}.
 */
class TokenLeakIT {
    private static final Path REPORTS = Path.of("target", "surefire-reports");

    @Test
    void noTokenAppearsInTheCapturedOutputOfTheEndToEndSuite() throws IOException {
        List<String> tokens = TestSecrets.all();
        assertThat(tokens).as("the end-to-end tests started fakes with tokens (%s)", TestSecrets.FILE)
                .anyMatch(t -> t.contains(":")).anyMatch(t -> t.startsWith("xoxb-")).anyMatch(t -> t.startsWith("xapp-"));
        List<Path> outputs = outputs();
        String all = String.join("\n", outputs.stream().map(TokenLeakIT::read).toList());
        assertThat(outputs).as("captured output of the end-to-end tests")
                .anyMatch(p -> p.endsWith("io.herald.app.HeraldEndToEndTest-output.txt"))
                .anyMatch(p -> p.endsWith("io.herald.app.SlackSocketModeTest-output.txt"))
                .anyMatch(p -> p.endsWith("io.herald.app.RunShutdownTest-output.txt"));
        assertThat(all).as("Herald's own logs were captured").contains("herald started", "herald stopped");

        assertThat(leaks(tokens, outputs)).as("token found in captured output").isEmpty();
    }

    /** Lines holding a token, or the secret part of a Telegram token (after the colon), as file:line: text. */
    static List<String> leaks(List<String> tokens, List<Path> files) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (String token : tokens) {
                    String secret = token.contains(":") ? token.substring(token.indexOf(':') + 1) : token;
                    if (line.contains(token) || secret.length() >= 8 && line.contains(secret)) {
                        found.add(file.getFileName() + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theSearchFindsATokenWhereOneIs() throws IOException {
        Path sample = Files.createTempFile("herald-leak", ".txt");
        try {
            Files.writeString(sample, "ok line\nPOST http://127.0.0.1/bot123:AAsecretPart/getMe failed\n");
            assertThat(leaks(List.of("123:AAsecretPart", "xoxb-unused"), List.of(sample)))
                    .singleElement().asString().contains(":2: POST");
            assertThat(leaks(List.of("999:AAsecretPart"), List.of(sample))).as("the secret part alone").hasSize(1);
        } finally {
            Files.delete(sample);
        }
    }

    private static List<Path> outputs() throws IOException {
        if (!Files.isDirectory(REPORTS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(REPORTS)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-output.txt")
                    || p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new String(readBytes(file), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
