package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code herald run} JVMs on one PostgreSQL database, 200 feeds every 15 s and the strict fake Bot API (30 messages/s
 * for the bot, 1/s per chat). 1,000 alerts (20 stories to 50 chats) flow while the node that delivers and consumes
 * Telegram updates is killed with SIGKILL mid-way, just after Telegram's flood control opened 10 s retry_after
 * windows on five chats. Shown: no alert lost, at most 1% sent twice, no send inside a retry_after window (the next
 * leader learns the windows from the outbox), none over the limits, every feed polled once per interval by the
 * cluster, the dead node's polls in flight taken over within 30 s (and every feed polled again within its interval
 * plus 30 s), and chat commands answered by a survivor (a
 * subscription made there reaches the matching of both survivors).
 */
class ClusterIT {
    private static final Duration INTERVAL = ClusterBed.Load.MUST_SHOW.interval();
    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    /** How late a poll may start on a loaded machine and still count as on schedule. */
    private static final Duration LATE = Duration.ofSeconds(10);
    private static final int THROTTLED_CHATS = 5;
    private static final int RETRY_AFTER = 10;
    private static final int NATO_STORIES = 10;
    private static final long USER = 4242;

    @TempDir
    Path dir;

    @Test
    void threeNodesLoseNothingOverTheLimitsOrInsideRetryWindowsWhenTheLeaderIsKilled() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase();
             FakeTelegramServer telegram = FakeTelegramServer.start(ClusterBed.TOKEN);
             FeedServer feeds = FeedServer.start(48);
             ClusterBed bed = new ClusterBed(dir, pg, telegram, feeds, ClusterBed.Load.MUST_SHOW)) {
            telegram.rateLimits(FakeTelegramRateLimits.DEFAULT);
            telegram.globalRateLimit(30, 30);
            bed.prepare();
            ClusterBed.Node first = bed.launch("node-1");
            bed.await("node-1 leading delivery and Telegram updates", Duration.ofSeconds(90),
                    () -> first.roles().equals(Map.of("delivery", "leader", "telegram-updates", "leader")));
            List<ClusterBed.Node> others = List.of(bed.launch("node-2"), bed.launch("node-3"));
            for (ClusterBed.Node n : others) {
                bed.await(n.name() + " polling and standing by", Duration.ofSeconds(90), () -> n.ready().contains(
                        "\"scheduler\":\"running\"") && n.roles().values().stream().allMatch("standby"::equals)
                        && n.roles().size() == 2);
            }
            bed.await("every feed polled once", Duration.ofSeconds(60), () -> bed.minRequests(Instant.MIN) >= 1);
            Instant steady = Instant.now();
            telegram.userSends(ClusterBed.COMMANDS, USER, "/list");
            assertThat(telegram.awaitMessages(ClusterBed.COMMANDS, 1, Duration.ofSeconds(30)))
                    .as("a command answered before the kill").hasSize(1);

            bed.startPublishing();
            bed.await("half the alerts delivered", Duration.ofSeconds(120),
                    () -> bed.tally().received() >= bed.expectedAlerts() / 2);
            for (int c = 0; c < THROTTLED_CHATS; c++) {
                telegram.throttleNext(ClusterBed.chat(c), RETRY_AFTER);
            }
            bed.await("flood control answered 429 to " + THROTTLED_CHATS + " chats", Duration.ofSeconds(30),
                    () -> telegram.throttledSends() == THROTTLED_CHATS);
            bed.await("the windows recorded in the outbox", Duration.ofSeconds(5),
                    () -> bed.chatsWaitingInTheOutbox(THROTTLED_CHATS) == THROTTLED_CHATS);
            // kill while the node runs a poll (feeds answer after 100 ms), so that a poll in flight is really lost
            List<String> running = bed.pollsInFlight(first);
            long inFlightDeadline = System.nanoTime() + INTERVAL.toNanos();
            while (running.isEmpty() && System.nanoTime() < inFlightDeadline) {
                Thread.sleep(5);
                running = bed.pollsInFlight(first);
            }
            List<String> inFlight = running;
            Instant killed = Instant.now();
            first.kill();
            int sentBeforeKill = telegram.allMessages().size();

            telegram.userSends(ClusterBed.COMMANDS, USER, "/subscribe nato");
            List<FakeTelegramServer.SentMessage> answers = telegram.awaitMessages(ClusterBed.COMMANDS, 2, TAKEOVER);
            Duration answeredAfter = Duration.between(killed, Instant.now());
            assertThat(answers).as("a command answered by a survivor").hasSize(2);
            assertThat(answers.get(1).plainText()).containsIgnoringCase("nato");

            bed.await("the survivors sharing the roles", TAKEOVER, () -> leaders(others, "delivery") == 1
                    && leaders(others, "telegram-updates") == 1);
            Duration rolesAfter = Duration.between(killed, Instant.now());
            bed.await("the dead node's polls in flight run again", TAKEOVER, () -> inFlight.stream()
                    .allMatch(feed -> bed.firstRequestAfter(feed, killed).isPresent()));
            Duration inFlightAfter = Duration.between(killed, Instant.now());
            bed.await("every feed polled after the kill", INTERVAL.plus(TAKEOVER), () -> bed.minRequests(killed) >= 1);
            Duration allFeedsAfter = Duration.between(killed, Instant.now());

            bed.awaitPublished();
            bed.publishNato(NATO_STORIES);
            bed.await("every alert delivered", Duration.ofSeconds(150), () -> bed.tally().lost() == 0
                    && bed.natoAlerts() >= NATO_STORIES);
            Instant end = Instant.now();
            ClusterBed.Tally t = bed.tally();

            System.out.printf("cluster: 3 nodes, %d feeds every %d s, %d alerts expected, %d received, %d lost,"
                            + " %d duplicates (%.2f%%); node-1 killed after %d sends with %d polls in flight; command"
                            + " answered %d ms after the kill, roles taken %d ms, its polls run again %d ms, every feed"
                            + " polled %d ms after the kill; %d x 429 (%d by flood control), %d sends inside a window;"
                            + " %d nato alerts; %d feed requests; before the kill %s, after %s%n",
                    ClusterBed.FEEDS, INTERVAL.toSeconds(), t.expected(), t.received(), t.lost(), t.duplicates(),
                    100.0 * t.duplicates() / t.expected(), sentBeforeKill, inFlight.size(), answeredAfter.toMillis(),
                    rolesAfter.toMillis(), inFlightAfter.toMillis(), allFeedsAfter.toMillis(),
                    telegram.rateLimitedCount(), telegram.throttledSends(), telegram.sendsInsideRetryWindow(),
                    bed.natoAlerts(), bed.totalRequests(), bed.pollGaps(steady, killed), bed.pollGaps(killed, end));

            assertThat(sentBeforeKill).as("killed mid-way").isBetween(t.expected() / 2, t.expected() - 100);
            assertThat(t.lost()).as("alerts lost").isZero();
            assertThat(t.duplicates()).as("duplicates").isLessThanOrEqualTo(t.expected() / 100);
            assertThat(telegram.throttledSends()).as("retry_after windows opened").isEqualTo(THROTTLED_CHATS);
            assertThat(telegram.sendsInsideRetryWindow()).as("sends inside a retry_after window").isZero();
            assertThat(telegram.rateLimitedCount()).as("429s beyond flood control's: sends over the limits")
                    .isEqualTo(THROTTLED_CHATS);
            assertThat(bed.natoAlerts()).as("a subscription made after the kill reached both survivors' matching")
                    .isEqualTo(NATO_STORIES);
            assertThat(inFlight).as("the dead node had polls in flight").isNotEmpty();
            assertThat(leaders(others, "delivery")).isEqualTo(1);
            assertThat(leaders(others, "telegram-updates")).isEqualTo(1);
            bed.assertPolledOncePerInterval(INTERVAL, LATE, steady, killed, TAKEOVER, end);
        }
    }

    private static long leaders(List<ClusterBed.Node> nodes, String role) {
        return nodes.stream().filter(n -> "leader".equals(n.roles().get(role))).count();
    }
}
