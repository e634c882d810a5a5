package io.herald.app;

import static io.herald.app.ServiceUnderTest.env;
import static io.herald.app.ServiceUnderTest.telegramEnv;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Herald under load (a feed publishing a matching story every 2 s for 40 subscribed Telegram chats, polled every
 * second, delivered through the strict fake Bot API) loses its database for 20 s, then gets it back.
 *
 * <p>How the database is made unwritable: tests run as root here, so {@code chmod} stops nothing. Instead the
 * folder holding the SQLite file (and its WAL) is renamed away: every new connection then fails ("path ... does
 * not exist"), and Herald opens a connection per operation, so every read and write fails, exactly as when a
 * volume goes away. Renaming it back restores the very same files.
 */
class DatabaseOutageTest {
    private static final String TOKEN = "7000010:outage-token";
    private static final int CHATS = 40;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Pattern STORY = Pattern.compile("Kursk report (\\d+)\\b");
    private static final String READY = "/health/ready";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> stories = new CopyOnWriteArrayList<>();

    @Test
    void aTwentySecondOutageLosesNothingAndHealthTellsTheTruthThroughout() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start(TOKEN); FeedServer feed = FeedServer.start()) {
            telegram.rateLimits(FakeTelegramRateLimits.DEFAULT);
            telegram.globalRateLimit(30, 30);
            feed.publish("/world.xml", "application/rss+xml", feedWith(0));
            Path data = dir.resolve("data");
            int port = freePort();
            try (HeraldService herald = ServiceUnderTest.start(config(feed),
                    env(telegramEnv(data.resolve("herald.db"), TOKEN, telegram),
                            Map.of("HERALD_HTTP_PORT", Integer.toString(port))))) {
                for (int c = 0; c < CHATS; c++) {
                    telegram.addChat(chat(c));
                    herald.subscriptions().add(Destination.telegram(chat(c)), "kursk", "test");
                }
                await("first poll", Duration.ofSeconds(20),
                        () -> herald.feeds().find("world").map(s -> s.initialized()).orElse(false));
                ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
                AtomicInteger published = new AtomicInteger();
                publisher.scheduleAtFixedRate(() -> feed.publish("/world.xml", "application/rss+xml",
                        feedWith(published.incrementAndGet())), 0, 2, TimeUnit.SECONDS);
                try {
                    await("alerts flowing", Duration.ofSeconds(20), () -> telegram.allMessages().size() >= CHATS);
                    assertThat(ready(port).statusCode()).as("/health/ready before the outage").isEqualTo(200);

                    Path away = dir.resolve("data-away");
                    Files.move(data, away, StandardCopyOption.ATOMIC_MOVE);
                    long outageStart = System.nanoTime();
                    await("/health/ready says the database is gone", Duration.ofSeconds(10),
                            () -> ready(port).body().contains("database unwritable"));
                    HttpResponse<String> during = ready(port);
                    assertThat(during.body()).contains("\"status\":\"down\"").contains("database unwritable");
                    double failedPollsBefore = failedPolls(port);
                    List<Integer> statuses = new ArrayList<>();
                    while (System.nanoTime() - outageStart < OUTAGE.toNanos()) {
                        statuses.add(ready(port).statusCode());
                        Thread.sleep(500);
                    }
                    assertThat(statuses).as("/health/ready all through the outage").isNotEmpty().containsOnly(503);
                    assertThat(failedPolls(port)).as("polls went on (and failed) during the outage")
                            .isGreaterThan(failedPollsBefore + 5);
                    int publishedDuringOutage = published.get();

                    Files.move(away, data, StandardCopyOption.ATOMIC_MOVE);
                    await("/health/ready is 200 again", Duration.ofSeconds(20), () -> ready(port).statusCode() == 200);
                    await("stories published after the outage", Duration.ofSeconds(10),
                            () -> published.get() >= publishedDuringOutage + 2);
                } finally {
                    publisher.shutdownNow();
                    publisher.awaitTermination(5, TimeUnit.SECONDS);
                }
                int last = published.get();
                await("every story polled and every alert delivered", Duration.ofSeconds(90), () ->
                        herald.feeds().find("world").map(s -> s.lastSuccess().isPresent()).orElse(false)
                                && allDelivered(telegram, last)
                                && herald.outbox().counts().get(OutboxEntry.Status.PENDING) == 0);
                Tally t = tally(telegram, last);
                System.out.printf("outage: %d alerts expected, %d received, %d lost, %d duplicates (%.2f%%),"
                                + " %d x 429, %d failed rows%n", t.expected, t.received, t.lost, t.duplicates,
                        100.0 * t.duplicates / t.expected, telegram.rateLimitedCount(),
                        herald.outbox().counts().get(OutboxEntry.Status.FAILED));
                assertThat(t.lost).as("alerts lost").isZero();
                assertThat(t.duplicates).as("duplicates").isLessThanOrEqualTo(t.expected / 100);
                assertThat(herald.outbox().counts().get(OutboxEntry.Status.FAILED)).as("alerts given up").isZero();
                assertThat(ready(port).statusCode()).isEqualTo(200);
            }
        }
    }

    private record Tally(int expected, int received, int lost, int duplicates) {
    }

    /** Counts each (chat, story) in what the chats received, single alerts and digests alike. */
    private static Tally tally(FakeTelegramServer telegram, int stories) {
        Map<String, Integer> seen = new HashMap<>();
        for (FakeTelegramServer.SentMessage m : telegram.allMessages()) {
            Matcher story = STORY.matcher(m.plainText());
            while (story.find()) {
                seen.merge(m.chatId() + "/" + story.group(1), 1, Integer::sum);
            }
        }
        int expected = stories * CHATS;
        int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        int lost = 0;
        for (int s = 1; s <= stories; s++) {
            for (int c = 0; c < CHATS; c++) {
                lost += seen.containsKey(chat(c) + "/" + s) ? 0 : 1;
            }
        }
        return new Tally(expected, seen.values().stream().mapToInt(Integer::intValue).sum(), lost, duplicates);
    }

    private static boolean allDelivered(FakeTelegramServer telegram, int stories) {
        return tally(telegram, stories).lost == 0;
    }

    private HttpResponse<String> ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + READY))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("/health/ready did not answer: " + e, e);
        }
    }

    /** {@code herald_polls_total{outcome="failed"}} from /metrics. */
    private double failedPolls(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("herald_polls_total\\{outcome=\"failed\"} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long chat(int c) {
        return 3_000_000L + c;
    }

    /** The feed with stories 1..n (all of them stay listed, so none is missed however long polls fail). */
    private static String feedWith(int n) {
        List<String> items = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            items.add(HeraldEndToEndTest.item("story-" + i, "Kursk report " + i, "https://news.example.org/k/" + i,
                    "Officials said the convoy number " + i + " moved west before dawn."));
        }
        return HeraldEndToEndTest.rss(items.toArray(String[]::new));
    }

    private Path config(FeedServer feed) throws Exception {
        return ServiceUnderTest.writeConfig(dir, """
                feeds:
                  - id: world
                    url: %s
                    interval: 1s
                    fetch_article: false
                network:
                  allow_private_addresses: true
                """.formatted(feed.url("/world.xml")));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s (up to %s)", what, timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
