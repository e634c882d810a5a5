package io.herald.schedule;

import io.herald.config.Durations;
import io.herald.config.FeedConfig;
import io.herald.metrics.HeraldMetrics;
import io.herald.metrics.HeraldMetrics.PollOutcome;
import io.herald.pipeline.PollResult;
import io.herald.pipeline.Poller;
import io.herald.supervise.Supervised;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz: one durable job per feed with one trigger (named after the feed), fired once per poll and rescheduled after
 * it at the time the poll chose (the interval, a server's lower bound, or the backoff after failures); a paused feed
 * is not rescheduled. Never two polls of one feed at once; the thread count caps polls in flight overall.
 *
 * <p>With a {@link ScheduleStore.Clustered} store every node runs this against the same PostgreSQL tables: each due
 * poll is taken by one node; a poll in flight on a node that dies is run again by another (jobs request recovery); a
 * poll that is due while every node is down or busy runs once, as soon as one can (fire-now misfire rule).
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    private static final String FEED_ID = "feedId";
    private static final String FEED_URL = "feedUrl";
    private static final String INTERVAL_MS = "intervalMs";
    private static final String GROUP = "feeds";

    private final Scheduler scheduler;
    /** Feeds deliberately left without a trigger (paused); the watchdog leaves them alone. */
    private final Set<String> idle = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final boolean clustered;
    private final HeraldMetrics metrics;

    public PollScheduler(Poller poller, int threads) {
        this(poller, threads, Clock.systemUTC());
    }

    public PollScheduler(Poller poller, int threads, Clock clock) {
        this(poller, threads, clock, ScheduleStore.inMemory(), HeraldMetrics.NONE);
    }

    public PollScheduler(Poller poller, int threads, Clock clock, ScheduleStore store) {
        this(poller, threads, clock, store, HeraldMetrics.NONE);
    }

    /** @param metrics told the outcome, duration, new items and matches of every poll */
    public PollScheduler(Poller poller, int threads, Clock clock, ScheduleStore store, HeraldMetrics metrics) {
        this.clock = clock;
        this.clustered = store.clustered();
        this.metrics = metrics;
        Properties props = store.properties(threads);
        props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        props.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        props.setProperty("org.quartz.threadPool.threadNamePrefix", "herald-poll");
        props.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        try {
            scheduler = new StdSchedulerFactory(props).getScheduler();
            scheduler.setJobFactory(new PollJobFactory(poller, this));
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Schedules every feed (first poll now) and starts polling. */
    public void start(List<FeedConfig> feeds) {
        start(feeds, id -> Optional.of(clock.instant()));
    }

    /**
     * Schedules every feed at the time {@code firstPoll} gives (e.g. the next poll remembered from before a
     * restart; empty for a paused feed, which is not scheduled) and starts polling.
     */
    public void start(List<FeedConfig> feeds, Function<String, Optional<Instant>> firstPoll) {
        try {
            if (clustered) {
                forgetFeedsNotIn(feeds);
            }
            for (FeedConfig feed : feeds) {
                scheduler.addJob(job(feed), true);
                Optional<Instant> at = firstPoll.apply(feed.id());
                if (at.isEmpty()) {
                    idle.add(feed.id());
                    scheduler.unscheduleJob(triggerKey(feed.id()));
                    LOG.warn("feed {}: paused after repeated failures; not polled until resumed", feed.id());
                    continue;
                }
                if (clustered) {
                    scheduleUnlessScheduled(feed.id(), at.get());
                } else {
                    scheduleAt(feed.id(), at.get());
                }
                LOG.info("feed {}: polling {} every {}", feed.id(), feed.url(), Durations.format(feed.interval()));
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot start polling: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a feed while running (a config reload, an admin's {@code /addfeed}), first polled at {@code firstPoll}
     * (empty: paused, not scheduled); a feed already scheduled gets its new URL and interval, and its next poll is
     * brought forward when the new interval is shorter than what is left of the old one.
     */
    public void put(FeedConfig feed, Optional<Instant> firstPoll) {
        try {
            JobKey key = new JobKey(feed.id(), GROUP);
            boolean known = scheduler.checkExists(key);
            scheduler.addJob(job(feed), true);
            if (firstPoll.isEmpty()) {
                idle.add(feed.id());
                scheduler.unscheduleJob(triggerKey(feed.id()));
                return;
            }
            Instant due = known ? Optional.ofNullable(scheduler.getTrigger(triggerKey(feed.id())))
                    .map(t -> t.getNextFireTime().toInstant())
                    .filter(next -> next.isBefore(clock.instant().plus(feed.interval())))
                    .orElse(clock.instant().plus(feed.interval())) : firstPoll.get();
            if (known && idle.contains(feed.id())) {
                due = firstPoll.get();
            }
            scheduleAt(feed.id(), due);
            LOG.info("feed {}: polling {} every {}", feed.id(), feed.url(), Durations.format(feed.interval()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot schedule feed " + feed.id() + ": " + e.getMessage(), e);
        }
    }

    /** Stops polling a feed for good (a poll in flight finishes and is not rescheduled); false when unknown. */
    public boolean remove(String feedId) {
        try {
            idle.remove(feedId);
            boolean removed = scheduler.deleteJob(new JobKey(feedId, GROUP));
            if (removed) {
                LOG.info("feed {}: no longer polled", feedId);
            }
            return removed;
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot remove feed " + feedId + ": " + e.getMessage(), e);
        }
    }

    /** Leaves a feed without a trigger until {@link #pollNow} (an admin's pause); its job stays. */
    public void hold(String feedId) {
        try {
            idle.add(feedId);
            scheduler.unscheduleJob(triggerKey(feedId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot pause feed " + feedId + ": " + e.getMessage(), e);
        }
    }

    /** The ids of the feeds this scheduler polls (paused ones included). */
    public Set<String> feedIds() {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream().map(JobKey::getName)
                    .collect(Collectors.toSet());
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot list feeds: " + e.getMessage(), e);
        }
    }

    /** When the feed is next polled; empty when it is paused, being polled right now, or unknown. */
    public Optional<Instant> nextPoll(String feedId) {
        try {
            return Optional.ofNullable(scheduler.getTrigger(triggerKey(feedId)))
                    .map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** In a cluster the schedule outlives each node: feeds gone from the config leave it when a node starts. */
    private void forgetFeedsNotIn(List<FeedConfig> feeds) throws SchedulerException {
        Set<String> configured = feeds.stream().map(FeedConfig::id).collect(Collectors.toSet());
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!configured.contains(job.getName())) {
                scheduler.deleteJob(job);
                LOG.info("feed {}: no longer in the config; removed from the cluster's schedule", job.getName());
            }
        }
    }

    private static JobDetail job(FeedConfig feed) {
        return JobBuilder.newJob(PollJob.class)
                .withIdentity(feed.id(), GROUP)
                .usingJobData(FEED_ID, feed.id())
                .usingJobData(FEED_URL, feed.url().toString())
                .usingJobData(INTERVAL_MS, Long.toString(Math.max(1000, feed.interval().toMillis())))
                .storeDurably()
                .requestRecovery()
                .build();
    }

    private static TriggerKey triggerKey(String feedId) {
        return new TriggerKey(feedId, GROUP);
    }

    /** Replaces the feed's pending trigger with one firing at {@code at} (now, when {@code at} is past). */
    void scheduleAt(String feedId, Instant at) throws SchedulerException {
        idle.remove(feedId);
        Trigger trigger = trigger(feedId, at);
        if (scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException raced) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            }
        }
    }

    /**
     * A node joining a cluster keeps the schedule the cluster already has (another node may be firing that trigger
     * right now); only a feed without a trigger gets one. Nodes starting together may both try: one wins.
     */
    private void scheduleUnlessScheduled(String feedId, Instant at) throws SchedulerException {
        try {
            scheduler.scheduleJob(trigger(feedId, at));
        } catch (ObjectAlreadyExistsException scheduledByTheCluster) {
            LOG.debug("feed {}: already scheduled by the cluster", feedId);
        }
    }

    private Trigger trigger(String feedId, Instant at) {
        Instant when = at.isBefore(clock.instant()) ? clock.instant() : at;
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(feedId))
                .forJob(new JobKey(feedId, GROUP))
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    private void afterPoll(String feedId, PollResult result) {
        if (result.nextPoll().isEmpty()) {
            idle.add(feedId);
            LOG.warn("feed {}: not rescheduled ({})", feedId, result.error().orElse("paused"));
            return;
        }
        try {
            if (!scheduler.checkExists(new JobKey(feedId, GROUP))) {
                LOG.info("feed {}: removed while it was polled; not rescheduled", feedId);
                return;
            }
            if (idle.contains(feedId)) {
                LOG.info("feed {}: paused while it was polled; not rescheduled", feedId);
                return;
            }
            scheduleAt(feedId, result.nextPoll().get());
        } catch (SchedulerException e) {
            LOG.error("schedule: cannot reschedule feed {}: {}", feedId, e.getMessage());
        }
    }

    /**
     * Schedules a poll now for every feed that has lost its schedule: not paused, not being polled, and without a
     * pending trigger (a poll that died of an {@link Error}, or a reschedule that failed). Returns their ids.
     */
    public List<String> rescheduleLost() throws SchedulerException {
        if (clustered) {
            // Another node may be polling a feed right now (its trigger is gone while it runs, and this node cannot
            // see another node's running jobs): Quartz's own recovery covers a node that dies mid-poll.
            return List.of();
        }
        Set<String> running = new HashSet<>();
        for (JobExecutionContext c : scheduler.getCurrentlyExecutingJobs()) {
            running.add(c.getJobDetail().getKey().getName());
        }
        List<String> lost = new ArrayList<>();
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            String feedId = job.getName();
            if (!idle.contains(feedId) && !running.contains(feedId) && scheduler.getTriggersOfJob(job).isEmpty()) {
                LOG.warn("feed {}: had lost its schedule; polling it now", feedId);
                scheduleAt(feedId, clock.instant());
                lost.add(feedId);
            }
        }
        return lost;
    }

    /** The loop that looks for feeds that lost their schedule every {@code period} (run it under a supervisor). */
    public Supervised watchdog(Duration period) {
        return new Supervised() {
            private final CountDownLatch stopped = new CountDownLatch(1);

            @Override
            public void run() throws Exception {
                while (!stopped.await(period.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (scheduler.isStarted() && !scheduler.isShutdown()) {
                        rescheduleLost();
                    }
                }
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        };
    }

    /** Runs one feed's poll now, outside its schedule (e.g. an admin's "poll now" or a resumed feed). */
    public void pollNow(String feedId) {
        try {
            scheduleAt(feedId, clock.instant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot poll feed " + feedId + " now: " + e.getMessage(), e);
        }
    }

    /** {@code running}, {@code standby}, {@code not started} or {@code stopped}: whether this node takes polls. */
    public String state() {
        try {
            if (scheduler.isShutdown()) {
                return "stopped";
            }
            if (!scheduler.isStarted()) {
                return "not started";
            }
            return scheduler.isInStandbyMode() ? "standby" : "running";
        } catch (SchedulerException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /** Stops scheduling new polls and waits for running ones to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("schedule: clean stop failed: {}", e.getMessage());
        }
    }

    /** The Quartz job: a thin call into the pipeline, then the reschedule the poll asked for. */
    @DisallowConcurrentExecution
    public static final class PollJob implements Job {
        private final Poller poller;
        private final PollScheduler owner;

        PollJob(Poller poller, PollScheduler owner) {
            this.poller = poller;
            this.owner = owner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            JobDataMap data = context.getMergedJobDataMap();
            String feedId = data.getString(FEED_ID);
            long start = System.nanoTime();
            PollResult result;
            try {
                result = poller.poll(feedId, URI.create(data.getString(FEED_URL)), interval(data));
            } catch (RuntimeException e) {
                LOG.error("feed {}: poll failed unexpectedly: {}", feedId, e.toString());
                Instant retry = Instant.now().plus(interval(data));
                result = new PollResult(feedId, false, 0, 0, false, Optional.of(e.toString()), Optional.empty(),
                        Optional.of(retry), 1, false);
            }
            owner.metrics.polled(outcome(result), Duration.ofNanos(System.nanoTime() - start), result.newItems(),
                    result.queued());
            owner.afterPoll(feedId, result);
        }

        private static Duration interval(JobDataMap data) {
            return Duration.ofMillis(Long.parseLong(data.getString(INTERVAL_MS)));
        }
    }

    private static PollOutcome outcome(PollResult r) {
        if (r.paused()) {
            return PollOutcome.PAUSED;
        }
        if (!r.ok()) {
            return PollOutcome.FAILED;
        }
        return r.notModified() ? PollOutcome.NOT_MODIFIED : PollOutcome.OK;
    }

    private record PollJobFactory(Poller poller, PollScheduler owner) implements JobFactory {
        @Override
        public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
            return new PollJob(poller, owner);
        }
    }
}
