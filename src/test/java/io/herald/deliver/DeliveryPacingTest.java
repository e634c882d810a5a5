package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background worker against a fake that enforces Telegram's limits strictly (no bursts). */
class DeliveryPacingTest {
    @TempDir
    Path dir;
    private DeliveryTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new DeliveryTestBed(dir, Clock.systemUTC());
        bed.telegram.rateLimits(new FakeTelegramRateLimits(true, 1, 1.0, 20));
        bed.telegram.globalRateLimit(30, 30);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void servesManyChatsAtOnceInOrderWithoutEverBeingRateLimited() throws Exception {
        List<Subscription> subs = chats(24, 1);
        subs.addAll(chats(2, -100));
        for (int round = 1; round <= 3; round++) {
            for (Subscription s : subs) {
                bed.queue("Round " + round + " for " + s.destination().address(), s);
            }
        }
        try (OutboxWorker worker = bed.worker(DeliveryPolicy.defaults(), AdminNotifier.none())) {
            worker.start();
            awaitAllSent(subs.size() * 3, Duration.ofSeconds(20));
        }
        assertThat(bed.telegram.rateLimitedCount()).isZero();
        for (Subscription s : subs) {
            assertThat(bed.telegram.messagesTo(Long.parseLong(s.destination().address())))
                    .extracting(m -> m.plainText().substring(0, 7)).containsExactly("Round 1", "Round 2", "Round 3");
        }
    }

    @Test
    void obeysEachChatsRetryAfterExactlyWhileOtherChatsKeepFlowing() throws Exception {
        List<Subscription> subs = chats(5, 1);
        for (int round = 1; round <= 3; round++) {
            for (Subscription s : subs) {
                bed.queue("Round " + round, s);
            }
        }
        DeliveryPolicy tooFast = new DeliveryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofMillis(200), Duration.ofSeconds(1), 5, 0, 0, Duration.ZERO, 4);
        try (OutboxWorker worker = bed.worker(tooFast, AdminNotifier.none())) {
            worker.start();
            awaitAllSent(15, Duration.ofSeconds(20));
        }
        assertThat(bed.telegram.rateLimitedCount()).as("the fake had to refuse the too-fast sends").isPositive();
        assertThat(bed.telegram.sendsInsideRetryWindow()).isZero();
        for (Subscription s : subs) {
            assertThat(bed.telegram.messagesTo(Long.parseLong(s.destination().address())))
                    .extracting(SentMessage::plainText).allSatisfy(t -> assertThat(t).startsWith("Round"))
                    .extracting(t -> t.substring(0, 7)).containsExactly("Round 1", "Round 2", "Round 3");
        }
    }

    @Test
    void aForumsTopicsShareTheirChatsPaceSoTheChatIsNeverOverItsLimit() throws Exception {
        long forum = -100_777;
        bed.telegram.makeForum(forum);
        // per chat (topics included) at most 2.5 messages a second and 150 a minute; Herald paces a group at 0.45 s
        bed.telegram.rateLimits(new FakeTelegramRateLimits(true, 1, 2.5, 150));
        List<Subscription> topics = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            topics.add(bed.subscribe(Destination.telegram(forum, bed.telegram.openTopic(forum)), "kursk"));
        }
        for (int round = 1; round <= 8; round++) {
            for (Subscription s : topics) {
                bed.queue("Round " + round, s);
            }
        }
        DeliveryPolicy groupGap = new DeliveryPolicy(Duration.ofMillis(1050), Duration.ofMillis(450),
                Duration.ofMillis(1050), Duration.ofSeconds(5), Duration.ofHours(1), 12);
        try (OutboxWorker worker = bed.worker(groupGap, AdminNotifier.none())) {
            worker.start();
            awaitAllSent(24, Duration.ofSeconds(40));
        }
        assertThat(bed.telegram.messagesTo(forum)).hasSize(24);
        assertThat(bed.telegram.rateLimitedCount()).as("429s: the chat was sent to faster than its limit").isZero();
        for (Subscription s : topics) {
            long topic = Long.parseLong(s.destination().address().substring(s.destination().address().indexOf('/') + 1));
            assertThat(bed.telegram.messagesTo(forum)).filteredOn(m -> m.threadId().equals(java.util.Optional.of(topic)))
                    .extracting(m -> m.plainText().substring(0, 7))
                    .containsExactly("Round 1", "Round 2", "Round 3", "Round 4", "Round 5", "Round 6", "Round 7",
                            "Round 8");
        }
    }

    @Test
    void stopReturnsWithinItsTimeoutAndLeavesTheSendInFlightPending() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AlertSender hanging = new AlertSender() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public void send(Alert alert) throws SendFailure {
                entered.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw SendFailure.transientFailure("interrupted", e);
                }
            }
        };
        bed.queue("Never answered", chats(1, 1).get(0));
        OutboxWorker worker = new OutboxWorker(bed.outbox, bed.subscriptions, bed.chatSettings, List.of(hanging),
                AdminNotifier.none(), DeliveryPolicy.defaults(), bed.clock);
        worker.start();
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        worker.stop(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.PENDING, 1);
    }

    private List<Subscription> chats(int n, long firstId) {
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = firstId < 0 ? firstId - i : 6000 + i;
            bed.telegram.addChat(id);
            subs.add(bed.subscribe(Destination.telegram(id), "kursk"));
        }
        return subs;
    }

    private void awaitAllSent(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bed.outbox.counts().get(OutboxEntry.Status.SENT) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.SENT, count);
    }
}
