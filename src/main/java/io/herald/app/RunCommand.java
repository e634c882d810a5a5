package io.herald.app;

import io.herald.config.LoadedConfig;
import io.herald.config.Settings;
import java.util.HashMap;
import java.util.List;
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

    @Mixin
    DbOption db;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = new HashMap<>(Environment.current());
        env.put("HERALD_CONFIG", config.path().toString());
        if (db.db != null && !db.db.isBlank()) {
            env.put("HERALD_DB", db.db.strip());
        }
        Preflight.Checked checked = Preflight.check(config.path(), env);
        Settings settings = checked.settings();
        LoadedConfig loaded = checked.loaded();
        loaded.warnings().forEach(System.err::println);
        checked.notes().forEach(System.err::println);
        List<String> refused = TokenCheck.run(settings);
        if (!refused.isEmpty()) {
            throw new UserInputException(String.join(System.lineSeparator(), refused));
        }
        // SIGHUP is handled from before the start: one that comes while Herald starts reloads once it has started
        // (the JVM's default for SIGHUP would end the process)
        java.util.concurrent.atomic.AtomicReference<HeraldService> running = new java.util.concurrent.atomic
                .AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean early = new java.util.concurrent.atomic.AtomicBoolean();
        Reload.onHangup(() -> {
            HeraldService started = running.get();
            if (started != null) {
                started.reloadOnSignal();
            } else {
                early.set(true);
            }
        });
        HeraldService service = HeraldService.start(settings, loaded.config(), System.out);
        running.set(service);
        if (early.getAndSet(false)) {
            service.reloadOnSignal();
        }
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
