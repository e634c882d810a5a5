package io.herald.deliver.chaos;

import io.herald.deliver.AdminNotifier;
import io.herald.deliver.DeliveryPolicy;
import io.herald.deliver.OutboxWorker;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.store.Database;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The delivery side of Herald in its own JVM, for the chaos run: delivers the outbox of a SQLite file to a Telegram
 * Bot API until killed, with the default delivery settings (as {@code herald run} without a {@code delivery:} section). SIGTERM stops it like {@code herald run} does (sends in flight finish or stay pending).
 *
 * <p>Arguments: database file, Bot API base URL, bot token.
 */
public final class ChaosDeliveryMain {
    private ChaosDeliveryMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Database db = Database.openSqlite(Path.of(args[0]));
        TelegramClients clients = TelegramClients.create(args[2], args[1]);
        DeliveryPolicy defaults = DeliveryPolicy.defaults();
        OutboxWorker worker = new OutboxWorker(new JdbcOutboxStore(db, clock), new JdbcSubscriptionStore(db, clock),
                new JdbcChatSettingsStore(db, clock), List.of(new TelegramSender(clients.client())),
                AdminNotifier.none(), defaults, clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.stop(Duration.ofSeconds(4));
            clients.close();
            stopped.countDown();
        }, "chaos-stop"));
        worker.start();
        System.out.println("delivering");
        stopped.await();
    }
}
