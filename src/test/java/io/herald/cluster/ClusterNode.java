package io.herald.cluster;

import io.herald.config.FeedConfig;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.pipeline.AlertPlanner;
import io.herald.pipeline.FeedHealthListener;
import io.herald.pipeline.FeedSource;
import io.herald.pipeline.PollTiming;
import io.herald.pipeline.Poller;
import io.herald.schedule.PollScheduler;
import io.herald.schedule.ScheduleStore;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.LeaderLock;
import io.herald.store.PostgresTarget;
import io.herald.summarize.Summarizer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One node of a test cluster, in a JVM of its own: the real store, feed reader, poller and clustered scheduler on a
 * shared PostgreSQL database, plus the leader lock. Reports on stdout, one line each: {@code POLL <node> <feed>} when
 * it starts fetching a feed, {@code LEADER <node> acquired|lost}, and {@code READY <node>}.
 *
 * <p>Arguments: JDBC URL, feed server base URL, node name, number of feeds, poll interval in milliseconds.
 */
public final class ClusterNode {
    public static final String LOCK = "cluster-test";

    private ClusterNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        String node = args[2];
        Clock clock = Clock.systemUTC();
        PostgresTarget target = PostgresTarget.parse(args[0], Optional.empty());
        Database db = Database.openPostgres(target);
        db.leaderLock(LOCK, new LeaderLock.Listener() {
            @Override
            public void acquired() {
                say("LEADER " + node + " acquired");
            }

            @Override
            public void lost(String reason) {
                say("LEADER " + node + " lost " + reason);
            }
        });
        FeedReader reader = new FeedReader(FetchPolicy.defaults(true));
        FeedSource reporting = (feedId, url, previous) -> {
            say("POLL " + node + " " + feedId);
            return reader.read(feedId, url, previous);
        };
        Poller poller = new Poller(reporting, new JdbcFeedStore(db, clock),
                new AlertPlanner(new JdbcSubscriptionStore(db, clock), new Summarizer(), 400), () -> { },
                PollTiming.defaults(), FeedHealthListener.NONE, clock, RandomGenerator.getDefault());
        ScheduleStore store = new ScheduleStore.Clustered(target.url(), target.user(), target.password(), node,
                ScheduleStore.Clustered.DEFAULT_CHECKIN);
        PollScheduler scheduler = new PollScheduler(poller, 4, clock, store);
        scheduler.start(feeds(args[1], Integer.parseInt(args[3]), Duration.ofMillis(Long.parseLong(args[4]))));
        say("READY " + node);
        Thread.currentThread().join();
    }

    static List<FeedConfig> feeds(String baseUrl, int count, Duration interval) {
        List<FeedConfig> feeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = feedId(i);
            feeds.add(new FeedConfig(id, URI.create(baseUrl + path(id)), interval));
        }
        return feeds;
    }

    static String feedId(int i) {
        return String.format("f%02d", i);
    }

    static String path(String feedId) {
        return "/" + feedId + ".rss";
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
