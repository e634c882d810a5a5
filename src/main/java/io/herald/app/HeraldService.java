package io.herald.app;

import io.herald.chat.CommandRouter;
import io.herald.chat.IncomingMessage;
import io.herald.config.Admins;
import io.herald.config.HeraldConfig;
import io.herald.config.RouteConfig;
import io.herald.config.Settings;
import io.herald.deliver.AlertSender;
import io.herald.deliver.DeliveryPolicy;
import io.herald.deliver.OutboxWorker;
import io.herald.deliver.console.ConsoleSender;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.model.Subscription;
import io.herald.pipeline.AlertPlanner;
import io.herald.pipeline.PollTiming;
import io.herald.pipeline.Poller;
import io.herald.schedule.PollScheduler;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.FeedStore;
import io.herald.store.OutboxStore;
import io.herald.store.SubscriptionStore;
import io.herald.summarize.Summarizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service, wired by hand: polls on a schedule, delivers from the outbox, answers chat commands. */
final class HeraldService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeraldService.class);
    static final int SUMMARY_CHARS = 400;
    static final int MAX_SUBSCRIPTIONS_PER_CHAT = 50;

    private final List<AutoCloseable> closeInOrder = new ArrayList<>();
    private final OutboxStore outbox;
    private final SubscriptionStore subscriptions;
    private final FeedStore feeds;
    private final Database database;
    private CommandRouter router;
    private volatile java.util.function.BiConsumer<String, String> adminNotice = (feedId, message) -> { };

    private HeraldService(Database database, FeedStore feeds, OutboxStore outbox, SubscriptionStore subscriptions) {
        this.database = database;
        this.feeds = feeds;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
    }

    /** Builds everything from settings and config and starts polling, delivery and chat. */
    static HeraldService start(Settings settings, HeraldConfig config, PrintStream console) {
        Clock clock = Clock.systemUTC();
        Database db = Databases.open(settings.database());
        var subscriptions = new JdbcSubscriptionStore(db, clock);
        var feeds = new JdbcFeedStore(db, clock);
        var outbox = new JdbcOutboxStore(db, clock);
        HeraldService service = new HeraldService(db, feeds, outbox, subscriptions);
        subscriptions.replaceRoutes(routes(config.routes()));

        Platforms platforms = Platforms.create(settings, console);
        OutboxWorker worker = new OutboxWorker(outbox, platforms.senders(), DeliveryPolicy.defaults(), clock);
        int pollThreads = Math.max(2, Math.min(16, config.feeds().size()));
        FetchPolicy fetchPolicy = FetchPolicy.defaults(config.allowPrivateAddresses())
                .withMaxBodyBytes(config.maxBodyBytes())
                .withConcurrency(FetchPolicy.DEFAULT_PER_HOST, pollThreads);
        Poller poller = new Poller(new FeedReader(fetchPolicy)::read, feeds,
                new AlertPlanner(subscriptions, new Summarizer(), SUMMARY_CHARS), worker::wake,
                new PollTiming(config.maxFailures(), PollTiming.DEFAULT_BACKOFF_CAP),
                new FeedHealthLog(service::noticeAdmins), clock, RandomGenerator.getDefault());
        PollScheduler scheduler = new PollScheduler(poller, pollThreads, clock);
        CommandRouter router = service.router = new CommandRouter(subscriptions, MAX_SUBSCRIPTIONS_PER_CHAT,
                adminCheck(config.admins()), new StatusReport(feeds, outbox)::render);

        worker.start();
        service.closeInOrder.add(scheduler);
        scheduler.start(config.feeds(), id -> firstPoll(feeds, id, clock));
        platforms.startChat(router).ifPresent(service.closeInOrder::add);
        service.closeInOrder.add(() -> worker.stop(Duration.ofSeconds(8)));
        service.closeInOrder.add(platforms);
        LOG.info("herald started: {} feeds, {} routes, delivering to {}", config.feeds().size(),
                config.routes().size(), platforms.describe());
        return service;
    }

    /** A restarted service keeps each feed's schedule (and backoff); a paused feed is not polled. */
    private static Optional<java.time.Instant> firstPoll(FeedStore feeds, String feedId, Clock clock) {
        Optional<io.herald.store.FeedState> state = feeds.find(feedId);
        if (state.map(io.herald.store.FeedState::paused).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(state.flatMap(io.herald.store.FeedState::nextPoll).orElse(clock.instant()));
    }

    /**
     * Tells the admins about a feed-health event. Not connected to a chat notifier yet: the event is already
     * logged at WARN by {@link FeedHealthLog}.
     */
    void noticeAdmins(String feedId, String message) {
        adminNotice.accept(feedId, message);
    }

    /** Connects admin notices (e.g. a chat message to every admin). */
    void onAdminNotice(java.util.function.BiConsumer<String, String> notice) {
        this.adminNotice = notice;
    }

    static List<Subscription> routes(List<RouteConfig> routes) {
        List<Subscription> out = new ArrayList<>();
        for (RouteConfig r : routes) {
            for (Destination to : r.to()) {
                out.add(new Subscription(0, to, r.query(), Optional.of(r.id()), r.feeds()));
            }
        }
        return out;
    }

    private static java.util.function.Predicate<IncomingMessage> adminCheck(Admins admins) {
        return m -> switch (m.replyTo().platform()) {
            case TELEGRAM -> parseLong(m.userId()).map(admins.telegram()::contains).orElse(false);
            case SLACK -> admins.slack().contains(m.userId());
            case CONSOLE -> false;
        };
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    OutboxStore outbox() {
        return outbox;
    }

    SubscriptionStore subscriptions() {
        return subscriptions;
    }

    FeedStore feeds() {
        return feeds;
    }

    /** The chat command router (the console subscriber in the demo talks to it directly). */
    CommandRouter router() {
        return router;
    }

    /** Stops polling first, then chat, then delivery (finishing the send in flight). */
    @Override
    public void close() {
        for (AutoCloseable c : closeInOrder) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("stop: {}", e.getMessage());
            }
        }
        LOG.info("herald stopped ({})", database);
    }

    /** Console sender that answers for another platform when no chat platform is configured. */
    record ConsoleAlias(Platform platform, ConsoleSender console) implements AlertSender {
        @Override
        public void send(io.herald.model.Alert alert) throws io.herald.deliver.SendFailure {
            console.send(alert);
        }
    }
}
