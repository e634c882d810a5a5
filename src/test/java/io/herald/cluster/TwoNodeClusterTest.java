package io.herald.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FeedServer;
import io.herald.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Herald nodes in separate JVMs on one PostgreSQL database and one feed server whose answers take 1.5 s (so
 * polls are in flight at any moment). Quartz runs clustered: every feed is polled once per interval by one node or
 * the other. The node holding the leader lock is killed with SIGKILL while it has polls in flight: the survivor
 * takes the lock, re-runs the dead node's polls in flight and keeps every feed on schedule, all within 30 s.
 */
class TwoNodeClusterTest {
    private static final int FEEDS = 12;
    private static final Duration INTERVAL = Duration.ofSeconds(4);
    private static final Duration SLOW_ANSWER = Duration.ofMillis(1500);
    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(120);
    /** How late a poll may start on a loaded machine and still count as on schedule. */
    private static final Duration LATE = Duration.ofSeconds(10);
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<link>https://example.org/</link><item><title>One</title><link>https://example.org/1</link>"
            + "<guid>1</guid></item></channel></rss>";

    @TempDir
    Path dir;

    @Test
    void feedsArePolledOncePerIntervalAcrossNodesAndTheDeadLeadersLockAndPollsAreTakenOver() throws Exception {
        try (TestPostgres pg = TestPostgres.createDatabase(); FeedServer server = FeedServer.start(32)) {
            for (int i = 0; i < FEEDS; i++) {
                String path = ClusterNode.path(ClusterNode.feedId(i));
                server.publish(path, "application/rss+xml", RSS);
                server.delay(path, SLOW_ANSWER);
            }
            String base = server.url("").toString();
            Instant launched = Instant.now();
            List<Node> nodes = List.of(Node.launch(dir, pg, base, "node-a"), Node.launch(dir, pg, base, "node-b"));
            try {
                await(WARM_UP, "both nodes polling every feed", () -> nodes.stream()
                        .allMatch(n -> n.count("POLL ") > 0) && minRequests(server, Instant.MIN) >= 1);
                await(TAKEOVER, "one node holding the leader lock",
                        () -> nodes.stream().filter(n -> n.count("LEADER ") > 0).count() == 1);
                Node leader = nodes.stream().filter(n -> n.count("LEADER ") > 0).findFirst().orElseThrow();
                Node survivor = nodes.get(0) == leader ? nodes.get(1) : nodes.get(0);
                assertThat(lockHolders(pg)).as("the database shows the lock held by one session").hasSize(1);
                assertThat(survivor.count("LEADER ")).isZero();

                List<String> inFlight = awaitPollsInFlight(pg, leader.name);
                Duration warmUp = Duration.between(launched, Instant.now());
                Instant killed = Instant.now();
                leader.process.destroyForcibly();
                assertThat(leader.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(leader.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);

                await(TAKEOVER, "the survivor taking the leader lock", () -> survivor.count("LEADER ") == 1);
                Instant lockTaken = Instant.now();
                await(TAKEOVER, "the dead node's polls in flight run again", () -> inFlight.stream()
                        .allMatch(feed -> firstRequestAfter(server, feed, killed).isPresent()));
                Instant recovered = Instant.now();
                await(TAKEOVER, "every feed polled again", () -> minRequests(server, killed) >= 1);

                assertThat(survivor.line("LEADER ")).isEqualTo("LEADER " + survivor.name + " acquired");
                assertThat(lockHolders(pg)).hasSize(1);
                for (int i = 0; i < FEEDS; i++) {
                    String feed = ClusterNode.feedId(i);
                    List<Instant> times = server.requestTimes(ClusterNode.path(feed));
                    for (int k = 1; k < times.size(); k++) {
                        Duration gap = Duration.between(times.get(k - 1), times.get(k));
                        boolean acrossTheKill = times.get(k - 1).isBefore(killed) && times.get(k).isAfter(killed);
                        assertThat(gap).as("%s polled once per interval: requests %d and %d", feed, k - 1, k)
                                .isGreaterThanOrEqualTo(INTERVAL)
                                .isLessThanOrEqualTo(INTERVAL.plus(SLOW_ANSWER).plus(acrossTheKill ? TAKEOVER : LATE));
                    }
                }
                System.out.printf("cluster: %d feeds every %d s over 2 nodes (started and warm in %d ms); killed %s with"
                                + " %d polls in flight %s; lock taken over after %d ms, its polls run again after %d ms%n",
                        FEEDS, INTERVAL.toSeconds(), warmUp.toMillis(), leader.name, inFlight.size(), inFlight,
                        Duration.between(killed, lockTaken).toMillis(), Duration.between(killed, recovered).toMillis());
            } finally {
                for (Node n : nodes) {
                    n.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The feeds whose polls the node is running now, per Quartz's own table; waits until there is at least one. */
    private static List<String> awaitPollsInFlight(TestPostgres pg, String node) throws Exception {
        List<String> feeds = new ArrayList<>();
        await(TAKEOVER, node + " running polls", () -> {
            feeds.clear();
            feeds.addAll(pg.column("SELECT trigger_name FROM qrtz_fired_triggers WHERE instance_name = ?"
                    + " AND state = 'EXECUTING' ORDER BY trigger_name", node));
            return !feeds.isEmpty();
        });
        return List.copyOf(feeds);
    }

    private static List<String> lockHolders(TestPostgres pg) {
        CRC32 crc = new CRC32();
        crc.update(ClusterNode.LOCK.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return pg.column("SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = ?::oid"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                Long.toString(crc.getValue() & 0x7fffffff));
    }

    private static int minRequests(FeedServer server, Instant after) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < FEEDS; i++) {
            long n = server.requestTimes(ClusterNode.path(ClusterNode.feedId(i))).stream()
                    .filter(t -> t.isAfter(after)).count();
            min = (int) Math.min(min, n);
        }
        return min;
    }

    private static Optional<Instant> firstRequestAfter(FeedServer server, String feed, Instant after) {
        return server.requestTimes(ClusterNode.path(feed)).stream().filter(t -> t.isAfter(after)).findFirst();
    }

    private static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** A node's JVM and what it has said on stdout. */
    private record Node(String name, Process process, Path out) {
        static Node launch(Path dir, TestPostgres pg, String feedBase, String name) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    ClusterNode.class.getName(), pg.url(), feedBase, name, Integer.toString(FEEDS),
                    Long.toString(INTERVAL.toMillis()));
            pb.environment().put("HERALD_LOG_LEVEL", "INFO");
            Path out = dir.resolve(name + ".out");
            pb.redirectOutput(out.toFile());
            pb.redirectError(dir.resolve(name + ".log").toFile());
            return new Node(name, pb.start(), out);
        }

        long count(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).count();
        }

        String line(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        }

        private List<String> lines() {
            try {
                return Files.exists(out) ? Files.readAllLines(out) : List.of();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
