package io.herald.schedule;

import io.herald.config.FeedConfig;
import io.herald.pipeline.Poller;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quartz (in memory): one job per feed, fired at the feed's interval, never two polls of one feed at once. */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    private static final String FEED_ID = "feedId";
    private static final String FEED_URL = "feedUrl";
    private static final String GROUP = "feeds";

    private final Scheduler scheduler;

    public PollScheduler(Poller poller, int threads) {
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
            scheduler.setJobFactory(new PollJobFactory(poller));
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Schedules every feed (first poll now) and starts polling. */
    public void start(List<FeedConfig> feeds) {
        try {
            for (FeedConfig feed : feeds) {
                schedule(feed);
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot start polling: " + e.getMessage(), e);
        }
    }

    private void schedule(FeedConfig feed) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(PollJob.class)
                .withIdentity(feed.id(), GROUP)
                .usingJobData(FEED_ID, feed.id())
                .usingJobData(FEED_URL, feed.url().toString())
                .build();
        Duration interval = feed.interval();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(feed.id(), GROUP)
                .startAt(new Date())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, interval.toMillis()))
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(job, trigger);
        LOG.info("feed {}: polling {} every {}", feed.id(), feed.url(), io.herald.config.Durations.format(interval));
    }

    /** Runs one feed's poll now, outside its schedule (e.g. an admin's "poll now"). */
    public void pollNow(String feedId) {
        try {
            scheduler.triggerJob(new JobKey(feedId, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule: cannot poll feed " + feedId + " now: " + e.getMessage(), e);
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

    /** The Quartz job: a thin call into the pipeline. */
    @DisallowConcurrentExecution
    public static final class PollJob implements Job {
        private final Poller poller;

        PollJob(Poller poller) {
            this.poller = poller;
        }

        @Override
        public void execute(JobExecutionContext context) {
            var data = context.getMergedJobDataMap();
            poller.poll(data.getString(FEED_ID), java.net.URI.create(data.getString(FEED_URL)));
        }
    }

    private record PollJobFactory(Poller poller) implements JobFactory {
        @Override
        public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
            return new PollJob(poller);
        }
    }
}
