package io.herald.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures System.out and System.err for CLI tests; {@link #restore()} puts the real streams back. */
public final class StdStreams {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream savedOut = System.out;
    private final PrintStream savedErr = System.err;

    private StdStreams() {
    }

    public static StdStreams capture() {
        StdStreams s = new StdStreams();
        System.setOut(new PrintStream(s.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(s.err, true, StandardCharsets.UTF_8));
        return s;
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    public void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }
}
