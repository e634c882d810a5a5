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
            throw UserInputException.from(e);
        }
        LoadedConfig loaded = config.load();
        loaded.warnings().forEach(System.err::println);
        HeraldService service = HeraldService.start(settings, loaded.config(), System.out);
        Reload.onHangup(service::reloadOnSignal);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWithin(service, stopped), "herald-shutdown"));
        stopped.await();
        return Main.OK;
    }

    /**
     * SIGTERM: stops polling and delivery (sends in flight finish or stay pending for the next start) and makes sure
     * the process is gone within {@link #STOP_LIMIT} even if something hangs.
     */
    private static void stopWithin(HeraldService service, CountDownLatch stopped) {
        Thread closer = new Thread(service::close, "herald-stop");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(STOP_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            System.err.println("herald: stopping took longer than " + STOP_LIMIT.toSeconds() + " s; exiting now");
            Runtime.getRuntime().halt(Main.FAILURE);
        }
        stopped.countDown();
    }

    static final java.time.Duration STOP_LIMIT = java.time.Duration.ofMillis(9_000);
}
