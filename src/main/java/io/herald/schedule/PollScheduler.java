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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz (in memory): one durable job per feed, fired once per poll and rescheduled after it at the time the poll
 * chose (the interval, a server's lower bound, or the backoff after failures); a paused feed is not rescheduled.
 * Never two polls of one feed at once; the thread count caps polls in flight overall.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    private static final String FEED_ID = "feedId";
    private static final String FEED_URL = "feedUrl";
    private static final String INTERVAL_MS = "intervalMs";
    private static final String GROUP = "feeds";

    private final Scheduler scheduler;
    private final AtomicLong triggerSequence = new AtomicLong();
    /** Feeds deliberately left without a trigger (paused); the watchdog leaves them alone. */
    private final Set<String> idle = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final HeraldMetrics metrics;

    public PollScheduler(Poller poller, int threads) {
        this(poller, threads, Clock.systemUTC());
    }

    public PollScheduler(Poller poller, int threads, Clock clock) {
        this(poller, threads, clock, HeraldMetrics.NONE);
    }

    /** @param metrics told the outcome, duration, new items and matches of every poll */
    public PollScheduler(Poller poller, int threads, Clock clock, HeraldMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        Properties props = new Properties();
        props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "herald-" + System.identityHashCode(this));
        props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        props.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        props.setProperty("org.quartz.threadPool.threadNamePrefix", "herald-poll");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
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
            for (FeedConfig feed : feeds) {
                scheduler.addJob(job(feed), true);
                Optional<Instant> at = firstPoll.apply(feed.id());
                if (at.isPresent()) {
                    scheduleAt(feed.id(), at.get());
                    LOG.info("feed {}: polling {} every {}", feed.id(), feed.url(), Durations.format(feed.interval()));
                } else {
                    idle.add(feed.id());
                    LOG.warn("feed {}: paused after repeated failures; not polled until resumed", feed.id());
                }
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot start polling: " + e.getMessage(), e);
        }
    }

    private static JobDetail job(FeedConfig feed) {
        return JobBuilder.newJob(PollJob.class)
                .withIdentity(feed.id(), GROUP)
                .usingJobData(FEED_ID, feed.id())
                .usingJobData(FEED_URL, feed.url().toString())
                .usingJobData(INTERVAL_MS, Math.max(1000, feed.interval().toMillis()))
                .storeDurably()
                .build();
    }

    /** Replaces the feed's pending trigger with one firing at {@code at} (now, when {@code at} is past). */
    void scheduleAt(String feedId, Instant at) throws SchedulerException {
        idle.remove(feedId);
        JobKey job = new JobKey(feedId, GROUP);
        for (Trigger old : scheduler.getTriggersOfJob(job)) {
            scheduler.unscheduleJob(old.getKey());
        }
        Instant when = at.isBefore(clock.instant()) ? clock.instant() : at;
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(feedId + "#" + triggerSequence.incrementAndGet(), GROUP)
                .forJob(job)
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        scheduler.scheduleJob(trigger);
    }

    private void afterPoll(String feedId, PollResult result) {
        if (result.nextPoll().isEmpty()) {
            idle.add(feedId);
            LOG.warn("feed {}: not rescheduled ({})", feedId, result.error().orElse("paused"));
            return;
        }
        try {
            scheduleAt(feedId, result.nextPoll().get());
        } catch (SchedulerException e) {
            LOG.error("schedule: cannot reschedule feed {}: {}", feedId, e.getMessage());
        }
    }

    /** Runs one feed's poll now, outside its schedule (e.g. an admin's "poll now" or a resumed feed). */
    public void pollNow(String feedId) {
        try {
            scheduleAt(feedId, clock.instant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot poll feed " + feedId + " now: " + e.getMessage(), e);
        }
    }

    /**
     * Schedules a poll now for every feed that has lost its schedule: not paused, not being polled, and without a
     * pending trigger (a poll that died of an {@link Error}, or a reschedule that failed). Returns their ids.
     */
    public List<String> rescheduleLost() throws SchedulerException {
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
                result = poller.poll(feedId, URI.create(data.getString(FEED_URL)),
                        Duration.ofMillis(data.getLong(INTERVAL_MS)));
            } catch (RuntimeException e) {
                LOG.error("feed {}: poll failed unexpectedly: {}", feedId, e.toString());
                Instant retry = Instant.now().plusMillis(data.getLong(INTERVAL_MS));
                result = new PollResult(feedId, false, 0, 0, false, Optional.of(e.toString()), Optional.empty(),
                        Optional.of(retry), 1, false);
            }
            owner.metrics.polled(outcome(result), Duration.ofNanos(System.nanoTime() - start), result.newItems(),
                    result.queued());
            owner.afterPoll(feedId, result);
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
