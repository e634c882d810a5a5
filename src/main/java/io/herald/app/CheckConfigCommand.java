package io.herald.app;

import io.herald.config.LoadedConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code herald check-config}: every problem as {@code file:line: message}; exit 2 if any. */
@Command(name = "check-config", description = "Validate the config file and print every problem as file:line: message.")
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        LoadedConfig loaded = config.load();
        loaded.warnings().forEach(System.err::println);
        System.out.printf("%s: OK (%d feeds, %d routes)%n", config.path(), loaded.config().feeds().size(),
                loaded.config().routes().size());
        return Main.OK;
    }
}
