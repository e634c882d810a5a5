package io.herald.deliver.console;

import io.herald.deliver.AlertSender;
import io.herald.deliver.SendFailure;
import io.herald.model.Alert;
import io.herald.model.Platform;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * Prints alerts as plain text (see {@link PlainTextFormatter}) to a stream, usually standard output.
 * Thread-safe: each alert is written as one uninterrupted block.
 */
public final class ConsoleSender implements AlertSender {

    private final PrintStream out;
    private final Object lock = new Object();
    private final PlainTextFormatter formatter;

    public ConsoleSender(PrintStream out) {
        this(out, Clock.systemUTC());
    }

    /** Prints to {@code out}; "5 min ago" in alerts is relative to {@code clock}. */
    public ConsoleSender(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.formatter = new PlainTextFormatter(clock);
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public void send(Alert alert) throws SendFailure {
        print(formatter.format(alert), "alert " + alert.id());
    }

    /** Prints the notice (a digest or a message for admins) followed by the separator line. */
    @Override
    public void sendNotice(String address, String text) throws SendFailure {
        String to = address.isEmpty() ? "" : "To: " + address + "\n";
        print(text.strip() + "\n" + to + PlainTextFormatter.SEPARATOR + "\n", "a notice");
    }

    private void print(String text, String what) throws SendFailure {
        boolean failed;
        synchronized (lock) {
            out.print(text);
            out.flush();
            failed = out.checkError();
        }
        if (failed) {
            throw SendFailure.transientFailure("console: cannot write " + what + " to the output", null);
        }
    }
}
