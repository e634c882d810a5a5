package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.DigestMode;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import io.herald.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Floods collapse into digests; chats in digest mode get their alerts together at the hour or the daily time. */
class DeliveryFloodAndDigestTest {
    private static final long CHAT = 5201;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"));
    private DeliveryTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private Subscription start() {
        bed = new DeliveryTestBed(dir, clock);
        bed.telegram.addChat(CHAT);
        return bed.subscribe(Destination.telegram(CHAT), "kursk");
    }

    @Test
    void collapsesMorePendingAlertsThanTheChatMayReceiveInTheWindowIntoOneDigest() {
        Subscription s = start();
        for (int i = 1; i <= 6; i++) {
            bed.queue("Story " + i + " <b>bold & odd</b> " + "x".repeat(300), s);
        }
        DeliveryPolicy fiveSecondWindow = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 30, 0,
                Duration.ofSeconds(5), 2);
        assertThat(fiveSecondWindow.floodThreshold(Destination.telegram(CHAT))).isEqualTo(5);

        assertThat(bed.worker(fiveSecondWindow, AdminNotifier.none()).deliverDue()).isEqualTo(1);

        SentMessage digest = bed.telegram.messagesTo(CHAT).get(0);
        assertThat(bed.telegram.messagesTo(CHAT)).hasSize(1);
        assertThat(digest.parseMode()).contains("HTML");
        assertThat(digest.plainText()).startsWith("6 new stories").contains("Story 1 <b>bold & odd</b>", "Story 6");
        assertThat(digest.text()).contains("<a href=\"https://news.example.org/6\">");
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.SENT, 6);
    }

    @Test
    void keepsAFloodDigestWithinTelegramsLimitAndLeavesTheRestForTheNext() {
        Subscription s = start();
        for (int i = 1; i <= 70; i++) {
            bed.queue("Headline number " + i + " " + "long words ".repeat(40), s);
        }
        OutboxWorker worker = bed.worker(DeliveryPolicy.defaults(), AdminNotifier.none());

        assertThat(worker.deliverDue()).isEqualTo(1);

        SentMessage digest = bed.telegram.messagesTo(CHAT).get(0);
        assertThat(digest.plainText().length()).isLessThanOrEqualTo(4096);
        assertThat(digest.plainText()).startsWith("20 new stories").contains("50 more follow");
        assertThat(bed.outbox.counts()).containsEntry(OutboxEntry.Status.SENT, 20)
                .containsEntry(OutboxEntry.Status.PENDING, 50);
    }

    @Test
    void hourlyDigestHoldsAlertsUntilTheFullHourThenSendsThemTogether() {
        Subscription s = start();
        bed.chatSettings.setDigest(Destination.telegram(CHAT), DigestMode.HOURLY, null);
        bed.queue("Morning story", s);
        bed.queue("Another story", s);
        OutboxWorker worker = bed.worker(DeliveryPolicy.defaults(), AdminNotifier.none());

        assertThat(worker.deliverDue()).isZero();
        assertThat(bed.outbox.nextDue()).contains(Instant.parse("2026-03-02T11:00:00Z"));

        clock.advance(Duration.ofMinutes(45));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(bed.telegram.messagesTo(CHAT)).singleElement().satisfies(m -> assertThat(m.plainText())
                .startsWith("Your digest: 2 new stories").contains("Morning story", "Another story"));
    }

    @Test
    void dailyDigestGoesOutAtTheChatsLocalTime() {
        Subscription s = start();
        Destination chat = Destination.telegram(CHAT);
        bed.chatSettings.setTimezone(chat, ZoneId.of("Europe/Berlin"));
        bed.chatSettings.setDigest(chat, DigestMode.DAILY, LocalTime.of(8, 0));
        bed.queue("Evening story", s);
        OutboxWorker worker = bed.worker(DeliveryPolicy.defaults(), AdminNotifier.none());

        worker.deliverDue();
        assertThat(bed.outbox.nextDue()).contains(Instant.parse("2026-03-03T07:00:00Z"));

        bed.chatSettings.setDigest(chat, DigestMode.OFF, null);
        assertThat(bed.outbox.nextDue()).contains(clock.instant());
    }
}
