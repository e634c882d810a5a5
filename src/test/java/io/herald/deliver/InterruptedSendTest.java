package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import io.herald.testsupport.FakeTelegramRateLimits;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies after the platform answered 429 but before the wait was written down: the next process must
 * not send into the window it never heard of.
 */
class InterruptedSendTest {
    private static final long CHAT = 4201;
    private static final long OTHER_CHAT = 4202;

    @TempDir
    Path dir;
    private DeliveryTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new DeliveryTestBed(dir, Clock.systemUTC());
        bed.telegram.rateLimits(FakeTelegramRateLimits.DEFAULT);
        bed.telegram.addChat(CHAT);
        bed.telegram.addChat(OTHER_CHAT);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void aRetryAfterLostWithTheProcessIsStillWaitedOutByTheNextOne() throws Exception {
        Subscription held = bed.subscribe(Destination.telegram(CHAT), "kursk");
        Subscription other = bed.subscribe(Destination.telegram(OTHER_CHAT), "kursk");
        bed.queue("First story", held);
        bed.telegram.forceRateLimit(CHAT, 5);

        // the first process: the 429 arrives, and the process dies before it records the wait
        OutboxStore dying = dyingAfterTheAnswer(bed.outbox);
        OutboxWorker first = new OutboxWorker(dying, bed.subscriptions, bed.chatSettings, bed.senders,
                AdminNotifier.none(), DeliveryPolicy.defaults(), bed.clock);
        first.deliverDue();
        assertThat(bed.telegram.rateLimitedCount()).as("the fake answered 429").isEqualTo(1);
        assertThat(bed.telegram.openRetryWindows()).as("its window is open").isEqualTo(1);
        assertThat(bed.outbox.dueHeads(Instant.now(), 10)).as("the database does not know of the window")
                .extracting(h -> h.destination().address()).containsExactly(String.valueOf(CHAT));

        // the next process, on the same database
        bed.queue("Second story", other);
        Instant restart = Instant.now();
        try (OutboxWorker next = bed.worker(DeliveryPolicy.defaults(), AdminNotifier.none())) {
            next.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (bed.telegram.messagesTo(OTHER_CHAT).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(bed.telegram.messagesTo(OTHER_CHAT)).as("the new process delivers").hasSize(1);
            while (bed.telegram.openRetryWindows() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
        }
        assertThat(bed.telegram.sendsInsideRetryWindow()).as("sends inside the lost window").isZero();
        assertThat(bed.telegram.messagesTo(CHAT)).isEmpty();
        assertThat(bed.outbox.pendingFor(Destination.telegram(CHAT), Instant.now(), 10))
                .as("the alert waits, held from the start of the interrupted send")
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(OutboxEntry.Status.PENDING);
                    assertThat(e.nextAttemptAt()).isAfter(restart.plus(OutboxWorker.INTERRUPTED_HOLD)
                            .minusSeconds(5));
                });
    }

    /** The store as seen by a process that dies as soon as a send's outcome is to be written. */
    private static OutboxStore dyingAfterTheAnswer(OutboxStore store) {
        return (OutboxStore) Proxy.newProxyInstance(OutboxStore.class.getClassLoader(),
                new Class<?>[] {OutboxStore.class}, (proxy, method, args) -> {
                    if (List.of("retryAt", "markSent", "countAttempt", "markFailed").contains(method.getName())) {
                        throw new IllegalStateException("the process died");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
