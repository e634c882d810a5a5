package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HERALD_LOG_FORMAT=json}: every log line on stderr is one JSON object (Logback's encoder). The text default is
 * what every other test that runs {@code herald} in its own JVM reads ({@code RunShutdownTest}).
 */
class LogFormatTest {
    @TempDir
    Path dir;

    @Test
    void jsonLogsAreOneObjectPerLine() throws Exception {
        List<String> lines = stderrOf("json");
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(event.path("loggerName").asText()).startsWith("io.herald");
            assertThat(event.has("timestamp")).isTrue();
        }
        assertThat(lines).anySatisfy(l -> assertThat(json.readTree(l).path("formattedMessage").asText())
                .contains("applied migrations [V1__init"));
    }

    /**
     * Runs {@code herald feeds} on a new, empty database file (it logs the migrations; {@code feeds} creates no
     * database, so the empty file is made here) in its own JVM; returns stderr.
     */
    private List<String> stderrOf(String format) throws Exception {
        java.nio.file.Files.createFile(dir.resolve(format + ".db"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "feeds", "--db", dir.resolve(format + ".db").toString());
        pb.environment().put("HERALD_LOG_FORMAT", format);
        pb.directory(dir.toFile());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
