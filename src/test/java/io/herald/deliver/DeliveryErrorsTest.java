package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.chat.CommandRouter;
import io.herald.chat.IncomingMessage;
import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What delivery does when Telegram or Slack refuse: against the strict fakes, with the real senders and stores. */
class DeliveryErrorsTest {
    private static final long CHAT = 5101;
    private static final long ADMIN = 9001;
    private static final DeliveryPolicy NO_PACING = new DeliveryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 0, 0, Duration.ofMinutes(1), 2);

    @TempDir
    Path dir;
    private DeliveryTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new DeliveryTestBed(dir, Clock.systemUTC());
        bed.telegram.addChat(CHAT);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void resendsAsPlainTextWhenTelegramCannotParseEntities() {
        Subscription s = bed.subscribe(Destination.telegram(CHAT), "kursk");
        bed.queue("Troops near Kursk", s);
        bed.telegram.failNext(400, "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 3");

        assertThat(bed.worker(NO_PACING, AdminNotifier.none()).deliverDue()).isEqualTo(1);

        assertThat(bed.telegram.messagesTo(CHAT)).singleElement().satisfies(m -> {
            assertThat(m.parseMode()).isEmpty();
            assertThat(m.plainText()).contains("Troops near Kursk", "https://news.example.org/1")
                    .doesNotContain("To: telegram");
        });
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.SENT, 1);
    }

    @Test
    void pausesAChatThatBlockedTheBotRecordsWhyAndStartResumesIt() {
        Subscription s = bed.subscribe(Destination.telegram(CHAT), "kursk");
        bed.queue("First", s);
        bed.queue("Second", s);
        bed.telegram.blockBy(CHAT);

        bed.worker(NO_PACING, AdminNotifier.none()).deliverDue();

        assertThat(bed.subscriptions.active()).isEmpty();
        assertThat(bed.outbox.recent(OutboxEntry.Status.FAILED, 10)).hasSize(2)
                .allSatisfy(e -> assertThat(e.lastError().orElseThrow()).contains("paused telegram:" + CHAT)
                        .contains("bot was blocked by the user"));
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.PENDING, 0);
        // the first alert was tried once (and refused); the second never was: attempts say so
        assertThat(bed.outbox.recent(OutboxEntry.Status.FAILED, 10)).extracting(e -> e.alert().item().title(),
                OutboxEntry::attempts).containsExactlyInAnyOrder(tuple("First", 1), tuple("Second", 0));

        CommandRouter router = new CommandRouter(bed.subscriptions, 50, m -> false, () -> "");
        String reply = router.handle(new IncomingMessage(Destination.telegram(CHAT), "1", "/start")).toString();
        assertThat(reply).contains("1 subscription(s) are active again");
        assertThat(bed.subscriptions.active()).extracting(Subscription::id).containsExactly(s.id());
    }

    @Test
    void movesSubscriptionsAndPendingAlertsWhenTheGroupBecameASupergroup() {
        long group = -4242;
        long supergroup = -1004242;
        bed.telegram.addChat(group);
        bed.telegram.migrate(group, supergroup);
        Subscription s = bed.subscribe(Destination.telegram(group), "kursk");
        bed.queue("First", s);
        bed.queue("Second", s);
        OutboxWorker worker = bed.worker(NO_PACING, AdminNotifier.none());

        worker.deliverDue();
        assertThat(bed.subscriptions.allFor(Destination.telegram(supergroup))).extracting(Subscription::query)
                .containsExactly("kursk");
        assertThat(bed.subscriptions.allFor(Destination.telegram(group))).isEmpty();

        awaitSent(worker, 2);
        assertThat(bed.telegram.messagesTo(supergroup)).extracting(SentMessage::plainText)
                .satisfiesExactly(t -> assertThat(t).startsWith("First"), t -> assertThat(t).startsWith("Second"));
        assertThat(bed.telegram.messagesTo(group)).isEmpty();
    }

    @Test
    void pausesASlackRouteWhoseChannelIsGoneAndTellsTheAdmins() {
        bed.slack.archive("C0GONE");
        bed.slack.addChannel("U0ADMIN");
        bed.telegram.addChat(ADMIN);
        bed.subscriptions.replaceRoutes(List.of(new Subscription(0, Destination.slack("C0GONE"), "kursk",
                Optional.of("security-desk"), Set.of())));
        Subscription route = bed.subscriptions.active().get(0);
        bed.queue("Troops near Kursk", route);

        bed.worker(NO_PACING, bed.admins(Set.of(ADMIN), Set.of("U0ADMIN"))).deliverDue();

        assertThat(bed.subscriptions.active()).isEmpty();
        assertThat(bed.outbox.recent(OutboxEntry.Status.FAILED, 1)).singleElement()
                .satisfies(e -> assertThat(e.lastError().orElseThrow()).contains("is_archived"));
        assertThat(bed.slack.messagesTo("U0ADMIN")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("slack:C0GONE", "security-desk", "is_archived"));
        assertThat(bed.telegram.messagesTo(ADMIN)).singleElement()
                .satisfies(m -> assertThat(m.plainText()).contains("slack:C0GONE", "paused"));
    }

    @Test
    void givesUpOnAChatTelegramDoesNotKnowAndKeepsTheReason() {
        Subscription s = bed.subscribe(Destination.telegram(777), "kursk");
        bed.queue("Troops near Kursk", s);

        bed.worker(NO_PACING, AdminNotifier.none()).deliverDue();

        assertThat(bed.outbox.recent(OutboxEntry.Status.FAILED, 1)).singleElement()
                .satisfies(e -> assertThat(e.lastError().orElseThrow()).contains("chat not found"));
        assertThat(bed.subscriptions.active()).hasSize(1);
    }

    private void awaitSent(OutboxWorker worker, int sent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bed.outbox.counts().get(OutboxEntry.Status.SENT) < sent && System.nanoTime() < deadline) {
            worker.deliverDue();
        }
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.SENT, sent);
    }
}
