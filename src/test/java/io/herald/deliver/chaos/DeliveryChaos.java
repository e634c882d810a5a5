package io.herald.deliver.chaos;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.OutboxEntry;
import io.herald.store.PendingAlert;
import io.herald.store.PollRecord;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The chaos run: alerts queued for many Telegram chats in a SQLite outbox; a separate JVM ({@link ChaosDeliveryMain},
 * Herald's default delivery settings) delivers them to the strict fake Bot API, which answers 10% of sends with 502
 * and enforces per-chat, per-group and overall rate limits. The fake's overall limit ({@value #FAKE_PER_SECOND}/s) is
 * below the {@value io.herald.deliver.DeliveryPolicy#DEFAULT_TELEGRAM_PER_SECOND}/s Herald paces itself to, as a
 * flood limit can be, so 429s with a {@code retry_after} of {@value #RETRY_AFTER_SECONDS} s come back all along. The
 * JVM is killed with SIGKILL a third of the way, stopped with SIGTERM at two thirds, and restarted on the same
 * database each time; how many retry windows were open when each new JVM started is counted, so that "no send inside
 * a window" covers windows opened by the JVM before. Counts what arrived: lost, duplicated, sent inside a window.
 */
public final class DeliveryChaos {
    private static final String TOKEN = "7000003:chaos-token";
    static final int FAKE_PER_SECOND = 20;
    static final int RETRY_AFTER_SECONDS = 5;

    /** What a chaos run measured. */
    public record Result(int expected, int received, int duplicates, int lost, int failedRows, int insideRetryWindow,
                         int rateLimited, int injected502, Duration elapsed, Duration sigtermExit,
                         int windowsOpenAfterKill, int windowsOpenAfterTerm) {
        @Override
        public String toString() {
            return String.format("%d alerts: %d messages received, %d lost, %d duplicates (%.2f%%), %d failed rows,"
                            + " %d sends inside a retry_after window, %d 429s (retry windows open when the JVM"
                            + " restarted: %d after SIGKILL, %d after SIGTERM), %d injected 502s; %.1f s in all;"
                            + " SIGTERM exit after %d ms", expected, received, lost, duplicates,
                    100.0 * duplicates / expected, failedRows, insideRetryWindow, rateLimited, windowsOpenAfterKill,
                    windowsOpenAfterTerm, injected502, elapsed.toMillis() / 1000.0, sigtermExit.toMillis());
        }
    }

    private DeliveryChaos() {
    }

    /**
     * @param groups how many of the chats are groups (20 messages a minute); the rest are private chats
     */
    public static Result run(Path dir, int alerts, int chats, int groups, PrintStream log) throws Exception {
        try (FakeTelegramServer fake = FakeTelegramServer.start(TOKEN)) {
            fake.rateLimits(FakeTelegramRateLimits.DEFAULT);
            fake.globalRateLimit(FAKE_PER_SECOND, FAKE_PER_SECOND);
            fake.minimumRetryAfter(RETRY_AFTER_SECONDS);
            fake.failRandomly(0.10, 42);
            Path dbFile = dir.resolve("chaos.db");
            Database db = Database.openSqlite(dbFile);
            JdbcOutboxStore outbox = new JdbcOutboxStore(db, Clock.systemUTC());
            queue(db, fake, alerts, chats, groups);
            long start = System.nanoTime();

            Process first = launch(dir, dbFile, fake, "1");
            awaitMessages(fake, alerts / 3, first);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            log.println("chaos: killed -9 after " + fake.allMessages().size() + " messages");

            int openAfterKill = fake.openRetryWindows();
            Process second = launch(dir, dbFile, fake, "2");
            awaitMessages(fake, 2 * alerts / 3, second);
            long term = System.nanoTime();
            second.destroy();
            boolean exited = second.waitFor(10, TimeUnit.SECONDS);
            Duration sigtermExit = exited ? Duration.ofNanos(System.nanoTime() - term) : Duration.ofSeconds(99);
            second.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            log.println("chaos: SIGTERM after " + fake.allMessages().size() + " messages; exited in "
                    + sigtermExit.toMillis() + " ms");

            int openAfterTerm = fake.openRetryWindows();
            Process third = launch(dir, dbFile, fake, "3");
            try {
                awaitDone(outbox, third, Duration.ofSeconds(Math.max(60, alerts / 10)));
            } finally {
                third.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return tally(fake, outbox, alerts, elapsed, sigtermExit, openAfterKill, openAfterTerm);
        }
    }

    private static void queue(Database db, FakeTelegramServer fake, int alerts, int chats, int groups) {
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, Clock.systemUTC());
        JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
        List<Subscription> subs = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            long chatId = c < groups ? -1_000_000L - c : 1_000_000L + c;
            fake.addChat(chatId);
            subs.add(subscriptions.add(Destination.telegram(chatId), "chaos", "chaos").orElseThrow());
        }
        for (int round = 0; round * chats < alerts; round++) {
            Item item = new Item("chaos", "round-" + round, "Chaos round " + round, "https://chaos.example/" + round,
                    Optional.empty(), "", "", List.of(), List.of());
            List<PendingAlert> pending = new ArrayList<>();
            for (int c = 0; c < chats && round * chats + c < alerts; c++) {
                Subscription s = subs.get(c);
                pending.add(new PendingAlert(s.id(), new Alert(0, s.destination(), item, "Chaos", "chaos", "")));
            }
            feeds.recordPoll(new PollRecord("chaos", "https://chaos.example/feed", Optional.empty(), Optional.empty(),
                    List.of(item), pending));
        }
    }

    private static Process launch(Path dir, Path db, FakeTelegramServer fake, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ChaosDeliveryMain.class.getName(), db.toString(), fake.baseUrl(), TOKEN);
        pb.environment().put("HERALD_LOG_LEVEL", "WARN");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("chaos-" + name + ".log").toFile());
        return pb.start();
    }

    private static void awaitMessages(FakeTelegramServer fake, int count, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (fake.allMessages().size() < count) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("chaos: delivery process stopped early or stalled at "
                        + fake.allMessages().size() + " messages (exit " + (p.isAlive() ? "none" : p.exitValue()) + ")");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitDone(JdbcOutboxStore outbox, Process p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.counts().get(OutboxEntry.Status.PENDING) > 0) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("chaos: " + outbox.counts().get(OutboxEntry.Status.PENDING)
                        + " alerts still pending when the delivery process " + (p.isAlive() ? "timed out" : "died"));
            }
            Thread.sleep(50);
        }
    }

    private static Result tally(FakeTelegramServer fake, JdbcOutboxStore outbox, int alerts, Duration elapsed,
                                Duration sigtermExit, int openAfterKill, int openAfterTerm) {
        Map<String, Integer> seen = new HashMap<>();
        for (SentMessage m : fake.allMessages()) {
            String title = m.plainText().lines().findFirst().orElse("");
            seen.merge(m.chatId() + " " + title, 1, Integer::sum);
        }
        int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        int lost = alerts - seen.size();
        return new Result(alerts, fake.allMessages().size(), duplicates, lost,
                outbox.counts().get(OutboxEntry.Status.FAILED), fake.sendsInsideRetryWindow(),
                fake.rateLimitedCount(), fake.injectedFailures(), elapsed, sigtermExit, openAfterKill, openAfterTerm);
    }
}
