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
 * A competing writer takes the SQLite write lock as the first alert goes out and holds it longer than Herald's 5 s
 * busy timeout: marking that alert sent fails with SQLITE_BUSY (and the other sends cannot be noted as under way, so
 * they wait), and still no alert reaches its chat twice and none is left
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
            CountDownLatch locked = new CountDownLatch(1);
            AtomicLong heldMillis = new AtomicLong();
            Thread writer = new Thread(() -> holdWriteLock(dir.resolve("delivery.db"), locked, heldMillis));
            // the lock is taken once the first send is under way, so that its outcome meets it
            OutboxStore counting = countingBusy(bed.outbox, busy, () -> {
                writer.start();
                await(locked);
            });

            OutboxWorker worker = new OutboxWorker(counting, bed.subscriptions, bed.chatSettings, bed.senders,
                    AdminNotifier.none(), DeliveryPolicy.defaults(), bed.clock);
            try {
                worker.start();
                long started = System.nanoTime();
                while (writer.getState() == Thread.State.NEW && System.nanoTime() - started < 10_000_000_000L) {
                    Thread.sleep(10);
                }
                assertThat(locked.await(10, TimeUnit.SECONDS)).as("the competing writer took the lock").isTrue();
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The store, counting failures of marking sent that SQLite refused as busy; {@code firstAttempt} runs once, right
     * after the first send has been noted as under way (before it goes out).
     */
    private static OutboxStore countingBusy(OutboxStore store, AtomicInteger busy, Runnable firstAttempt) {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        return (OutboxStore) Proxy.newProxyInstance(OutboxStore.class.getClassLoader(),
                new Class<?>[] {OutboxStore.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(store, args);
                        if (method.getName().equals("markAttempt") && first.getAndSet(false)) {
                            firstAttempt.run();
                        }
                        return result;
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
