package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.testsupport.MutableClock;
import io.herald.testsupport.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox as per-destination queues: heads, moving, giving up, holding; subscriptions moving with them. */
class JdbcOutboxQueuesTest extends OnBothDatabases {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Destination a = Destination.telegram(1);
    private final Destination b = Destination.telegram(2);
    private JdbcFeedStore feeds;
    private JdbcOutboxStore outbox;
    private JdbcSubscriptionStore subscriptions;
    private int seq;

    @BeforeEach
    void setUp() {
        Database db = database.open();
        feeds = new JdbcFeedStore(db, clock);
        outbox = new JdbcOutboxStore(db, clock);
        subscriptions = new JdbcSubscriptionStore(db, clock);
    }

    @Test
    void headsAreEachDestinationsOldestRowWithItsCountAndAWaitingHeadHoldsItsQueue() {
        queue(1, a);
        queue(2, b);
        queue(1, a);
        assertThat(outbox.dueHeads(clock.instant(), 10)).extracting(OutboxHead::destination, OutboxHead::pending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, 2), org.assertj.core.groups.Tuple.tuple(b, 1));

        long headOfA = outbox.dueHeads(clock.instant(), 10).get(0).id();
        outbox.retryAt(headOfA, clock.instant().plusSeconds(5), "502", true);
        assertThat(outbox.dueHeads(clock.instant(), 10)).extracting(OutboxHead::destination).containsExactly(b);
        assertThat(outbox.pendingFor(a, clock.instant().plusSeconds(1), 10)).extracting(OutboxEntry::id)
                .startsWith(headOfA).hasSize(2);
    }

    @Test
    void movingADestinationKeepsOneRowPerItemAndSubscription() {
        Subscription s = subscriptions.add(a, "kursk", "u").orElseThrow();
        Item shared = queue(s.id(), a);
        queue(s.id(), a);
        queueItem(shared, s.id(), b);

        assertThat(outbox.moveDestination(a, b)).isEqualTo(1);
        assertThat(subscriptions.moveDestination(a, b)).isEqualTo(1);

        assertThat(outbox.pendingFor(b, clock.instant().plusSeconds(1), 10)).hasSize(2)
                .allSatisfy(e -> assertThat(e.alert().destination()).isEqualTo(b));
        assertThat(outbox.pendingFor(a, clock.instant().plusSeconds(1), 10)).isEmpty();
        assertThat(subscriptions.allFor(b)).extracting(Subscription::query).containsExactly("kursk");
    }

    @Test
    void givingUpADestinationRecordsTheReasonOnEveryPendingRowAndGroupsReasons() {
        queue(1, a);
        queue(1, a);
        queue(2, b);
        assertThat(outbox.failPending(a, "paused telegram:1: Forbidden: bot was blocked by the user")).isEqualTo(2);
        assertThat(outbox.counts()).containsEntry(OutboxEntry.Status.FAILED, 2).containsEntry(OutboxEntry.Status.PENDING, 1);
        assertThat(outbox.failureGroups(5)).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo("paused <destination>: Forbidden: bot was blocked by the user");
            assertThat(g.count()).isEqualTo(2);
            assertThat(g.destinations()).containsExactly(a.toString());
        });
    }

    @Test
    void holdingKeepsRowsUntilTheGivenTime() {
        queue(1, a);
        Instant eleven = clock.instant().plus(Duration.ofHours(1));
        assertThat(outbox.holdUntil(a, eleven)).isEqualTo(1);
        assertThat(outbox.dueHeads(clock.instant(), 10)).isEmpty();
        assertThat(outbox.nextDue()).contains(eleven);
    }

    @Test
    void aSendLeftWithoutOutcomeHoldsItsDestinationFromItsStartOnlyOnce() {
        queue(1, a);
        queue(1, a);
        queue(2, b);
        queue(3, Destination.telegram(3));
        List<OutboxHead> heads = outbox.dueHeads(clock.instant(), 10);
        Instant started = clock.instant();
        outbox.markAttempt(heads.get(0).id(), started);
        outbox.markAttempt(heads.get(1).id(), started);
        outbox.retryAt(heads.get(1).id(), started.plusSeconds(2), "429", false);
        outbox.markAttempt(heads.get(2).id(), started.minus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofSeconds(3));

        Map<Destination, Instant> held = outbox.holdInterruptedAttempts(Duration.ofSeconds(30), clock.instant());

        assertThat(held).as("b's outcome was recorded; telegram:3's send began long ago")
                .containsExactly(Map.entry(a, started.plusSeconds(30)));
        assertThat(outbox.dueHeads(clock.instant(), 10)).extracting(OutboxHead::destination)
                .containsExactly(b, Destination.telegram(3));
        assertThat(outbox.pendingFor(a, clock.instant(), 10)).extracting(OutboxEntry::nextAttemptAt)
                .containsOnly(started.plusSeconds(30));
        assertThat(outbox.holdInterruptedAttempts(Duration.ofSeconds(30), clock.instant())).as("notes cleared")
                .isEmpty();
    }

    @Test
    void holdingAChatHoldsItsTopicsAndNoOtherChat() {
        Destination forum = Destination.telegram(-100_5);
        Destination topic = Destination.telegram(-100_5, 7);
        Destination otherForum = Destination.telegram(-100_55, 7);
        queue(1, forum);
        queue(2, topic);
        queue(3, otherForum);
        Instant later = clock.instant().plusSeconds(30);
        assertThat(topic.chat()).isEqualTo(forum);
        assertThat(outbox.holdChat(topic.chat(), later)).isEqualTo(2);
        assertThat(outbox.dueHeads(clock.instant(), 10)).extracting(OutboxHead::destination)
                .containsExactly(otherForum);
    }

    @Test
    void routesPausedTogetherWithTheirDestination() {
        subscriptions.replaceRoutes(List.of(new Subscription(0, a, "kursk", Optional.of("desk"), Set.of())));
        assertThat(subscriptions.setPaused(a, true)).isEqualTo(1);
        assertThat(subscriptions.active()).isEmpty();
        assertThat(subscriptions.allFor(a)).extracting(Subscription::routeId).containsExactly(Optional.of("desk"));
    }

    private Item queue(long subscription, Destination to) {
        seq++;
        Item item = StoreTestSupport.item("world", "i" + seq, "Title " + seq);
        queueItem(item, subscription, to);
        return item;
    }

    private void queueItem(Item item, long subscription, Destination to) {
        feeds.recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(), List.of(item),
                List.of(new PendingAlert(subscription, StoreTestSupport.alert(to, item)))));
    }
}
