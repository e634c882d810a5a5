package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A competing writer holds the SQLite write lock longer than Herald's 5 s busy timeout while alerts are being
 * delivered: marking them sent fails with SQLITE_BUSY, and still no alert reaches its chat twice and none is left
 * pending after delivery.
 */
class LockContentionTest {
    private static final int CHATS = 20;
    private static final long HOLD_MILLIS = 7_000;

    @TempDir
    Path dir;

    @Test
    void aLockHeldPastTheBusyTimeoutCausesNoDuplicate() throws Exception {
        try (DeliveryTestBed bed = new DeliveryTestBed(dir, Clock.systemUTC())) {
            List<Long> chats = new ArrayList<>();
            List<Subscription> subs = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                long id = 9100 + i;
                bed.telegram.addChat(id);
                chats.add(id);
                subs.add(bed.subscribe(Destination.telegram(id), "kursk"));
            }
            bed.queue("Kursk: troops on the move", subs.toArray(Subscription[]::new));

            AtomicInteger busy = new AtomicInteger();
            OutboxStore counting = countingBusy(bed.outbox, busy);
            CountDownLatch locked = new CountDownLatch(1);
            AtomicLong heldMillis = new AtomicLong();
            Thread writer = new Thread(() -> holdWriteLock(dir.resolve("delivery.db"), locked, heldMillis));
            writer.start();
            assertThat(locked.await(10, TimeUnit.SECONDS)).as("the competing writer took the lock").isTrue();

            OutboxWorker worker = new OutboxWorker(counting, bed.subscriptions, bed.chatSettings, bed.senders,
                    AdminNotifier.none(), DeliveryPolicy.defaults(), bed.clock);
            try {
                worker.start();
                writer.join(30_000);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (bed.outbox.counts().get(OutboxEntry.Status.SENT) < CHATS && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(1500); // room for any resend to happen
            } finally {
                worker.stop(Duration.ofSeconds(5));
            }

            assertThat(heldMillis.get()).as("the lock was held past the 5 s busy timeout").isGreaterThan(6_000);
            assertThat(busy.get()).as("marking sent met SQLITE_BUSY").isPositive();
            for (long chat : chats) {
                assertThat(bed.telegram.messagesTo(chat)).as("alerts in chat %d", chat).hasSize(1);
            }
            assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.SENT, CHATS)
                    .containsEntry(OutboxEntry.Status.PENDING, 0);
        }
    }

    /** Another process's writer: BEGIN IMMEDIATE, one write, and the lock kept for {@link #HOLD_MILLIS}. */
    private static void holdWriteLock(Path file, CountDownLatch locked, AtomicLong heldMillis) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("CREATE TABLE IF NOT EXISTS competitor (n INTEGER)");
            s.execute("INSERT INTO competitor VALUES (1)");
            long start = System.nanoTime();
            locked.countDown();
            Thread.sleep(HOLD_MILLIS);
            heldMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            s.execute("COMMIT");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store, counting failures of its writes that SQLite refused as busy. */
    private static OutboxStore countingBusy(OutboxStore store, AtomicInteger busy) {
        return (OutboxStore) Proxy.newProxyInstance(OutboxStore.class.getClassLoader(),
                new Class<?>[] {OutboxStore.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        if (method.getName().equals("markSent") && String.valueOf(e.getCause().getMessage())
                                .contains("SQLITE_BUSY")) {
                            busy.incrementAndGet();
                        }
                        throw e.getCause();
                    }
                });
    }
}
