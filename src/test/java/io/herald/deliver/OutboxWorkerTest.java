package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Platform;
import io.herald.store.Database;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.OutboxEntry;
import io.herald.store.PendingAlert;
import io.herald.store.PollRecord;
import io.herald.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxWorkerTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Destination alice = Destination.telegram(1);
    private final Destination bob = Destination.telegram(2);
    private Database db;
    private JdbcFeedStore feeds;
    private JdbcOutboxStore outbox;
    private ScriptedSender telegram;
    private OutboxWorker worker;
    private int seq;

    @BeforeEach
    void setUp() {
        db = Database.openSqlite(dir.resolve("w.db"));
        feeds = new JdbcFeedStore(db, clock);
        outbox = new JdbcOutboxStore(db, clock);
        telegram = new ScriptedSender(Platform.TELEGRAM);
        worker = worker(DeliveryPolicy.defaults());
    }

    @Test
    void sendsDueAlertsAndMarksThemSent() {
        queue(alice);
        queue(bob);
        assertThat(worker.deliverDue()).isEqualTo(2);
        assertThat(telegram.sent).extracting(Alert::destination).containsExactly(alice, bob);
        assertThat(outbox.counts()).containsEntry(OutboxEntry.Status.SENT, 2);
    }

    @Test
    void pacesOneChatWithoutHoldingUpOthers() {
        queue(alice);
        queue(alice);
        queue(bob);
        assertThat(worker.deliverDue()).isEqualTo(2);
        assertThat(telegram.sent).extracting(Alert::destination).containsExactly(alice, bob);

        clock.advance(DeliveryPolicy.defaults().telegramPrivateGap());
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(telegram.sent).extracting(Alert::destination).containsExactly(alice, bob, alice);
    }

    @Test
    void obeysRetryAfterForThatChatOnly() {
        telegram.failures.add(SendFailure.rateLimited("telegram: Too Many Requests", Duration.ofSeconds(7)));
        queue(alice);
        queue(bob);
        worker.deliverDue();
        assertThat(telegram.sent).extracting(Alert::destination).containsExactly(bob);

        clock.advance(Duration.ofSeconds(6));
        assertThat(worker.deliverDue()).isZero();
        assertThat(telegram.attemptTimes).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(telegram.sent).extracting(Alert::destination).containsExactly(bob, alice);
        assertThat(outbox.recent(OutboxEntry.Status.SENT, 5)).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void retriesTransientFailuresWithGrowingWaits() {
        telegram.failures.add(SendFailure.transientFailure("telegram: HTTP 502", null));
        telegram.failures.add(SendFailure.transientFailure("telegram: HTTP 502", null));
        queue(alice);
        worker.deliverDue();
        Instant first = outbox.nextDue().orElseThrow();
        assertThat(Duration.between(clock.instant(), first)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(7));

        clock.advance(Duration.between(clock.instant(), first));
        worker.deliverDue();
        Instant second = outbox.nextDue().orElseThrow();
        assertThat(Duration.between(clock.instant(), second)).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(13));

        clock.advance(Duration.between(clock.instant(), second));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(outbox.recent(OutboxEntry.Status.SENT, 1).get(0).attempts()).isEqualTo(3);
    }

    @Test
    void recordsPermanentFailuresWithTheirReason() {
        telegram.failures.add(SendFailure.permanent("telegram: Forbidden: bot was blocked by the user", null));
        queue(alice);
        worker.deliverDue();
        assertThat(outbox.recent(OutboxEntry.Status.FAILED, 5)).singleElement()
                .satisfies(e -> assertThat(e.lastError().orElseThrow()).contains("bot was blocked by the user"));
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo() {
        DeliveryPolicy twoTries = new DeliveryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        worker = worker(twoTries);
        telegram.failures.add(SendFailure.transientFailure("telegram: HTTP 502", null));
        telegram.failures.add(SendFailure.transientFailure("telegram: HTTP 503", null));
        queue(alice);
        worker.deliverDue();
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue();
        assertThat(outbox.recent(OutboxEntry.Status.FAILED, 1)).singleElement()
                .satisfies(e -> assertThat(e.lastError().orElseThrow()).contains("gave up after 2 attempts").contains("HTTP 503"));
    }

    @Test
    void failsClearlyWhenThePlatformIsNotConfigured() {
        queue(Destination.slack("C0123ABCD"));
        worker.deliverDue();
        assertThat(outbox.recent(OutboxEntry.Status.FAILED, 1)).singleElement()
                .satisfies(e -> assertThat(e.lastError().orElseThrow()).contains("slack is not configured"));
    }

    @Test
    void backgroundThreadDeliversWhenWokenAndStops() throws InterruptedException {
        worker.start();
        queue(alice);
        worker.wake();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (telegram.sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        worker.stop(Duration.ofSeconds(5));
        assertThat(telegram.sent).hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("herald-delivery"));
    }

    @Test
    void theDeliveryLoopSurvivesALostDatabaseAndResumesByItselfWhenItIsBack() throws Exception {
        Path folder = dir.resolve("data");
        Database lost = Database.openSqlite(folder.resolve("lost.db"));
        java.time.Clock real = java.time.Clock.systemUTC();
        JdbcFeedStore lostFeeds = new JdbcFeedStore(lost, real);
        OutboxWorker background = new OutboxWorker(new JdbcOutboxStore(lost, real),
                new JdbcSubscriptionStore(lost, real), new JdbcChatSettingsStore(lost, real), List.of(telegram),
                AdminNotifier.none(), DeliveryPolicy.defaults(), real);
        try (io.herald.supervise.Supervisor supervisor = new io.herald.supervise.Supervisor()) {
            background.start(supervisor);
            queueIn(lostFeeds, alice, "before");
            background.wake();
            awaitSent(1);

            // the folder goes away: every connection fails, as when a volume is lost (chmod stops no root writer)
            java.nio.file.Files.move(folder, dir.resolve("away"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (supervisor.states().get(0).status() != io.herald.supervise.WorkerState.Status.RESTARTING) {
                assertThat(System.nanoTime()).as("the loop died of the lost database").isLessThan(deadline);
                Thread.sleep(10);
            }
            Thread.sleep(2000);
            java.nio.file.Files.move(dir.resolve("away"), folder);

            queueIn(lostFeeds, bob, "after");
            background.wake();
            awaitSent(2);
            assertThat(supervisor.states().get(0).restarts()).isPositive();
        } finally {
            background.stop(Duration.ofSeconds(2));
        }
    }

    private void awaitSent(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (telegram.sent.size() < n) {
            assertThat(System.nanoTime()).as("%d alerts sent within 20 s", n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void queueIn(JdbcFeedStore store, Destination to, String id) {
        Item item = new Item("f", id, "Story " + id, "https://e.org/" + id, Optional.empty(), "", "", List.of(),
                List.of());
        store.recordPoll(new PollRecord("f", "https://e.org/f", Optional.empty(), Optional.empty(), List.of(item),
                List.of(new PendingAlert(1, new Alert(0, to, item, "F", "q", "")))));
    }

    private OutboxWorker worker(DeliveryPolicy policy) {
        return new OutboxWorker(outbox, new JdbcSubscriptionStore(db, clock), new JdbcChatSettingsStore(db, clock),
                List.of(telegram), AdminNotifier.none(), policy, clock);
    }

    private void queue(Destination to) {
        seq++;
        Item item = new Item("world", "i" + seq, "Title " + seq, "https://example.org/" + seq, Optional.empty(),
                "", "", List.of(), List.of());
        feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(item),
                List.of(new PendingAlert(seq, new Alert(0, to, item, "World", "q", "s")))));
    }

    /** A sender that fails as scripted, then succeeds; records what it sent and when. */
    private final class ScriptedSender implements AlertSender {
        final Platform platform;
        final Deque<SendFailure> failures = new ArrayDeque<>();
        final List<Alert> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Instant> attemptTimes = new ArrayList<>();

        ScriptedSender(Platform platform) {
            this.platform = platform;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public void send(Alert alert) throws SendFailure {
            attemptTimes.add(clock.instant());
            SendFailure next = failures.poll();
            if (next != null) {
                throw next;
            }
            sent.add(alert);
        }
    }
}
