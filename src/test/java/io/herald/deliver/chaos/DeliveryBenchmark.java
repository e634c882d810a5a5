package io.herald.deliver.chaos;

import io.herald.deliver.AdminNotifier;
import io.herald.deliver.DeliveryPolicy;
import io.herald.deliver.OutboxWorker;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.Database;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.OutboxEntry;
import io.herald.store.PendingAlert;
import io.herald.store.PollRecord;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivery benchmark (not part of {@code mvn verify}; run with {@code mvn -Pbench -DskipTests test}):
 * <ol>
 *   <li>burst: 3,000 alerts queued at once for 1,000 Telegram private chats, delivered by the real worker and sender
 *       to the fake Bot API enforcing 1/s per chat (burst 3) and 30/s overall; the floor is 3,000 / 30 = 100 s;</li>
 *   <li>steady: 1,500 alerts arriving at 25/s for random chats of the 1,000: the match-to-send delay when the
 *       limit is not saturated;</li>
 *   <li>the full-size chaos run: 1,500 alerts to 300 chats (50 groups), see {@link DeliveryChaos}.</li>
 * </ol>
 * Select with {@code -Dbench.delivery=burst,steady,chaos} (default all).
 */
public final class DeliveryBenchmark {
    private static final String TOKEN = "7000004:bench-token";

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String which = System.getProperty("bench.delivery", "burst,steady,chaos");
        Path dir = Files.createTempDirectory("herald-delivery-bench");
        if (which.contains("burst")) {
            System.out.println("burst: " + deliver(dir.resolve("burst.db"), 3000, 1000, 0));
        }
        if (which.contains("steady")) {
            System.out.println("steady: " + deliver(dir.resolve("steady.db"), 1500, 1000, 25));
        }
        if (which.contains("chaos")) {
            Path chaos = Files.createDirectories(dir.resolve("chaos"));
            System.out.println("chaos: " + DeliveryChaos.run(chaos, 1500, 300, 50, System.out));
        }
    }

    /** @param arrivalsPerSecond 0 queues everything before delivery starts */
    static String deliver(Path dbFile, int alerts, int chats, double arrivalsPerSecond) throws Exception {
        Clock clock = Clock.systemUTC();
        try (FakeTelegramServer fake = FakeTelegramServer.start(TOKEN);
             TelegramClients clients = TelegramClients.create(TOKEN, fake.baseUrl())) {
            fake.rateLimits(FakeTelegramRateLimits.DEFAULT);
            fake.globalRateLimit(30, 30);
            Database db = Database.openSqlite(dbFile);
            JdbcOutboxStore outbox = new JdbcOutboxStore(db, clock);
            JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(db, clock);
            JdbcFeedStore feeds = new JdbcFeedStore(db, clock);
            List<Subscription> subs = new ArrayList<>();
            for (int c = 0; c < chats; c++) {
                fake.addChat(2_000_000L + c);
                subs.add(subscriptions.add(Destination.telegram(2_000_000L + c), "bench", "bench").orElseThrow());
            }
            OutboxWorker worker = new OutboxWorker(outbox, subscriptions, new JdbcChatSettingsStore(db, clock),
                    List.of(new TelegramSender(clients.client())), AdminNotifier.none(), DeliveryPolicy.defaults(),
                    clock);
            if (arrivalsPerSecond == 0) {
                for (int round = 0; round * chats < alerts; round++) {
                    queueRound(feeds, subs.subList(0, Math.min(chats, alerts - round * chats)), round);
                }
            }
            long start = System.nanoTime();
            worker.start();
            if (arrivalsPerSecond > 0) {
                long gapNanos = (long) (1e9 / arrivalsPerSecond);
                java.util.Random random = new java.util.Random(7);
                for (int i = 0; i < alerts; i++) {
                    long due = start + i * gapNanos;
                    while (System.nanoTime() < due) {
                        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000), 0);
                    }
                    queue(feeds, subs.get(random.nextInt(chats)), i);
                    worker.wake();
                }
            }
            while (outbox.counts().get(OutboxEntry.Status.SENT) < alerts) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            worker.stop(Duration.ofSeconds(5));
            long[] delays = delays(dbFile);
            return String.format("%d alerts to %d chats in %.1f s = %.1f alerts/s (%s); 429s: %d;"
                            + " match-to-send delay p50 %d ms, p99 %d ms, max %d ms", alerts, chats, seconds,
                    alerts / seconds, arrivalsPerSecond == 0
                            ? String.format("%.1f%% of the %d s the 30/s limit allows", seconds * 100 / (alerts / 30.0),
                            alerts / 30)
                            : "arriving at " + arrivalsPerSecond + "/s",
                    fake.rateLimitedCount(), percentile(delays, 50), percentile(delays, 99), delays[delays.length - 1]);
        }
    }

    /** One item matched by every subscription: one transaction, like a poll that found a story for all chats. */
    private static void queueRound(JdbcFeedStore feeds, List<Subscription> subs, int round) {
        Item item = new Item("bench", "round-" + round, "Bench round " + round, "https://bench.example/r" + round,
                Optional.empty(), "", "", List.of(), List.of());
        List<PendingAlert> alerts = subs.stream().map(s -> new PendingAlert(s.id(), new Alert(0, s.destination(), item,
                "Bench", "bench", "A short summary of the story."))).toList();
        feeds.recordPoll(new PollRecord("bench", "https://bench.example/feed", Optional.empty(), Optional.empty(),
                List.of(item), alerts));
    }

    private static void queue(JdbcFeedStore feeds, Subscription s, int n) {
        Item item = new Item("bench", "item-" + n, "Bench alert " + n, "https://bench.example/" + n,
                Optional.empty(), "", "", List.of(), List.of());
        feeds.recordPoll(new PollRecord("bench", "https://bench.example/feed", Optional.empty(), Optional.empty(),
                List.of(item), List.of(new PendingAlert(s.id(), new Alert(0, s.destination(), item, "Bench",
                "bench", "A short summary of the story.")))));
    }

    private static long[] delays(Path dbFile) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sent_at - created_at FROM outbox WHERE status = 'sent'")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
