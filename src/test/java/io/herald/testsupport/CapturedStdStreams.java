package io.herald.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link StdStreams} for every test of a CLI test class: System.out and System.err are captured before each test and
 * put back after it. Register it as a field: {@code @RegisterExtension final CapturedStdStreams std = new
 * CapturedStdStreams();}.
 */
public final class CapturedStdStreams implements BeforeEachCallback, AfterEachCallback {
    private StdStreams std;

    @Override
    public void beforeEach(ExtensionContext context) {
        std = StdStreams.capture();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        std.restore();
    }

    /** What the test printed on System.out so far (since the last {@link #clear()}). */
    public String out() {
        return std.out();
    }

    /** What the test printed on System.err so far (since the last {@link #clear()}). */
    public String err() {
        return std.err();
    }

    /** Forgets what was printed so far: {@link #out()} and {@link #err()} start empty again. */
    public void clear() {
        std.restore();
        std = StdStreams.capture();
    }
}
