package io.herald.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar herald.jar <command>}: exit 0 ok, 1 runtime failure, 2 bad input. */
@Command(name = "herald", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Herald: news feeds in, short keyword-matched alerts out to Telegram, Slack or the console.",
        subcommands = {RunCommand.class, DemoCommand.class, CheckConfigCommand.class, FeedCommand.class,
                FeedsCommand.class, MatchCommand.class, SummarizeCommand.class, OutboxCommand.class,
                BackupCommand.class, OpmlCommand.class, VersionCommand.class})
public final class Main implements Runnable {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests to avoid System.exit). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handleError);
        cli.setErr(new PrintWriter(System.err, true));
        cli.setOut(new PrintWriter(System.out, true));
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
        PrintWriter err = cli.getErr();
        if (e instanceof UserInputException) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        err.println("herald: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return FAILURE;
    }
}
