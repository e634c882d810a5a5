package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.LoadedConfig;
import io.herald.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code herald run}: the service, until SIGTERM. */
@Command(name = "run", description = "Run the service: poll feeds, match, deliver alerts, answer chat commands.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HERALD_CONFIG", config.path().toString());
        Settings settings;
        try {
            settings = Settings.fromEnv(env);
        } catch (ConfigException e) {
            throw new UserInputException(String.join(System.lineSeparator(), e.problems()), e);
        }
        LoadedConfig loaded = config.load();
        loaded.warnings().forEach(System.err::println);
        HeraldService service = HeraldService.start(settings, loaded.config(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "herald-shutdown"));
        stopped.await();
        return Main.OK;
    }
}
