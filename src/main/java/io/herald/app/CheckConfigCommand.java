package io.herald.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code herald check-config}: every problem of the config file as {@code file:line: message}, and of the environment
 * as {@code NAME: message} ({@code *_FILE} secrets are read, never printed); exit 2 if any.
 */
@Command(name = "check-config", description = "Validate the config file and the environment (tokens, *_FILE"
        + " secrets) and print every problem as file:line: message.")
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        Preflight.Checked checked = Preflight.check(config.path(), Environment.current());
        checked.loaded().warnings().forEach(System.err::println);
        checked.notes().forEach(System.err::println);
        System.out.printf("%s: OK (%d feeds, %d routes)%n", config.path(), checked.loaded().config().feeds().size(),
                checked.loaded().config().routes().size());
        return Main.OK;
    }
}
