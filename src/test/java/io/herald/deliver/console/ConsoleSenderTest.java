package io.herald.deliver.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.deliver.SendFailure;
import io.herald.model.Alert;
import io.herald.model.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConsoleSenderTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ConsoleSender sender = new ConsoleSender(out);

    @Test
    void servesTheConsole() {
        assertThat(sender.platform()).isEqualTo(Platform.CONSOLE);
    }

    @Test
    void printsTheFormattedAlert() throws Exception {
        Alert alert = PlainTextFormatterTest.alert("Title", "https://e.org/a",
                Optional.of(Instant.parse("2024-01-02T03:04:05Z")), "Feed", "kursk", "Summary.");
        sender.send(alert);
        sender.send(alert);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).isEqualTo(new PlainTextFormatter(java.time.Clock.systemUTC()).format(alert).repeat(2));
        assertThat(printed).contains("Title\nFeed · 2024-01-02 03:04 UTC\nSummary.\nMatched: kursk\nhttps://e.org/a\n");
    }

    @Test
    void concurrentSendsNeverInterleave() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    sender.send(PlainTextFormatterTest.alert("Title " + thread + "-" + i, "https://e.org/" + thread,
                            Optional.empty(), "Feed " + thread, "q" + thread, "Summary " + thread + "."));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        String[] blocks = bytes.toString(StandardCharsets.UTF_8).split(PlainTextFormatter.SEPARATOR + "\n");
        assertThat(blocks).hasSize(400).allSatisfy(block -> {
            String thread = block.substring("Title ".length(), block.indexOf('-'));
            assertThat(block).matches("Title \\d-\\d+\nFeed " + thread + "\nSummary " + thread + "\\.\nMatched: q"
                    + thread + "\nhttps://e.org/" + thread + "\n");
        });
    }

    @Test
    void aBrokenStreamIsATransientFailure() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }
        }, true, StandardCharsets.UTF_8);
        ConsoleSender failing = new ConsoleSender(broken);

        assertThatThrownBy(() -> failing.send(PlainTextFormatterTest.alert("T", "", Optional.empty(), "", "", "")))
                .isInstanceOf(SendFailure.class).hasMessage("console: cannot write alert 42 to the output")
                .satisfies(f -> assertThat(((SendFailure) f).isPermanent()).isFalse());
    }
}
