package io.herald.app;

import io.herald.chat.IncomingMessage;
import io.herald.config.Admins;
import io.herald.config.ConfigException;
import io.herald.config.FeedConfig;
import io.herald.config.HeraldConfig;
import io.herald.config.Settings;
import io.herald.model.Destination;
import io.herald.store.OutboxEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;

/** {@code herald demo}: an offline tour of the real pipeline against bundled feeds on 127.0.0.1. */
@Command(name = "demo", description = "Offline end-to-end tour: sample feeds on 127.0.0.1, a console subscriber, real alerts.")
final class DemoCommand implements Callable<Integer> {
    private static final String QUERY = "\"north korea\" OR kursk";
    private static final int EXPECTED_ALERTS = 2;
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";

    @Override
    public Integer call() throws IOException, ConfigException, InterruptedException {
        Path dir = Files.createTempDirectory("herald-demo");
        try (DemoFeedServer feeds = DemoFeedServer.start()) {
            feeds.publish("/world.xml", "world-1.xml", RSS);
            feeds.publish("/science.xml", "science-1.xml", ATOM);
            say("serving sample feeds at " + feeds.url("/world.xml") + " and " + feeds.url("/science.xml"));
            HeraldConfig config = new HeraldConfig(List.of(
                    new FeedConfig("world", feeds.url("/world.xml"), Duration.ofSeconds(1)),
                    new FeedConfig("science", feeds.url("/science.xml"), Duration.ofSeconds(1))),
                    List.of(), Admins.NONE, Duration.ofSeconds(1), true);
            Settings settings = Settings.fromEnv(Map.of("HERALD_DB", dir.resolve("herald.db").toString()));
            try (HeraldService herald = HeraldService.start(settings, config, System.out)) {
                String reply = herald.router().handle(
                        new IncomingMessage(Destination.CONSOLE, "demo-user", "/subscribe " + QUERY)).toString();
                say("console subscriber: /subscribe " + QUERY);
                say("herald: " + reply.replace("\n", " "));
                waitFor("the first poll of both feeds", Duration.ofSeconds(10),
                        () -> herald.feeds().all().stream().filter(s -> s.initialized()).count() == 2);
                say("first poll done: the stories already in the feeds are recorded without alerting"
                        + " (no backlog flood), including an older Kursk story");
                feeds.publish("/world.xml", "world-2.xml", RSS);
                feeds.publish("/science.xml", "science-2.xml", ATOM);
                say("published 4 new stories; 2 of them match the query. Alerts:\n");
                waitFor("the alerts", Duration.ofSeconds(15),
                        () -> herald.outbox().counts().get(OutboxEntry.Status.SENT) >= EXPECTED_ALERTS);
                Thread.sleep(1500);
                int sent = herald.outbox().counts().get(OutboxEntry.Status.SENT);
                say("done: " + sent + " alerts delivered to the console.");
                return sent == EXPECTED_ALERTS ? Main.OK : Main.FAILURE;
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("demo: gave up waiting for " + what + " after " + timeout.toSeconds()
                        + " s");
            }
            Thread.sleep(100);
        }
    }

    private static void say(String line) {
        System.out.println("demo: " + line);
        System.out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
