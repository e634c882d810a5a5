package io.herald.app;

import io.herald.chat.AdminCommands;
import io.herald.chat.AlertPresses;
import io.herald.chat.ChatRole;
import io.herald.chat.CommandHandler;
import io.herald.chat.CommandRouter;
import io.herald.chat.CommandThrottle;
import io.herald.chat.IncomingMessage;
import io.herald.chat.slack.SlackCommandEndpoint;
import io.herald.chat.slack.SlackInteractionEndpoint;
import io.herald.chat.slack.SlackInteractions;
import io.herald.chat.slack.SlackSignature;
import io.herald.config.Admins;
import io.herald.config.ConfigWatcher;
import io.herald.config.DeliveryConfig;
import io.herald.config.HeraldConfig;
import io.herald.config.RouteConfig;
import io.herald.config.Secret;
import io.herald.config.Settings;
import io.herald.deliver.AdminNotifier;
import io.herald.deliver.AlertSender;
import io.herald.deliver.DeliveryPolicy;
import io.herald.deliver.LinkPreviews;
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
import io.herald.store.JdbcChatFeedStore;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcRecentStories;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.FeedStore;
import io.herald.store.OutboxStore;
import io.herald.store.SubscriptionStore;
import io.herald.summarize.Summarizer;
import io.herald.supervise.Supervised;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.io.PrintStream;
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
    /** How long sends in flight may take to finish at shutdown; the rest stay pending for the next start. */
    static final Duration DELIVERY_STOP = Duration.ofSeconds(4);
    /** The leader role of the node that delivers the outbox (one at a time, so platform limits hold cluster-wide). */
    static final String DELIVERY = "delivery";
    /** How long the config file must be quiet after a change before it is read. */
    static final Duration CONFIG_QUIET = Duration.ofMillis(300);
    /** How often each node picks up feeds added or removed from chat on any node (or by OPML import). */
    static final Duration CHAT_FEED_SYNC = Duration.ofSeconds(10);

    private final OutboxStore outbox;
    private final SubscriptionStore subscriptions;
    private final FeedStore feeds;
    private final Database database;
    private final Operations ops;
    private final Shutdown shutdown = new Shutdown();
    private CommandRouter router;
    private ConfigReloader reloader;
    private PollScheduler scheduler;
    private Optional<Integer> httpPort = Optional.empty();
    private AdminNotifier admins = AdminNotifier.none();

    private HeraldService(Database database, FeedStore feeds, OutboxStore outbox, SubscriptionStore subscriptions,
                          Operations ops) {
        this.database = database;
        this.feeds = feeds;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.ops = ops;
    }

    /** Builds everything from settings and config and starts polling, delivery, chat and the HTTP server. */
    static HeraldService start(Settings settings, HeraldConfig config, PrintStream console) {
        Preflight.webhookProblem(settings, config.allowPrivateAddresses()).ifPresent(problem -> {
            throw new UserInputException(problem);
        });
        Clock clock = Clock.systemUTC();
        LogRedaction.install(settings.redactor());
        Database db = Databases.open(settings);
        var subscriptions = new JdbcSubscriptionStore(db, clock);
        var feeds = new JdbcFeedStore(db, clock);
        var outbox = new JdbcOutboxStore(db, clock);
        Operations ops = new Operations(clock);
        db.pool().ifPresent(ops.metrics()::bindPool);
        HeraldService service = new HeraldService(db, feeds, outbox, subscriptions, ops);
        subscriptions.replaceRoutes(routes(config.routes()));

        var chatSettings = new JdbcChatSettingsStore(db, clock);
        LinkPreviews previews = new LinkPreviews(routePreviews(config.routes()), subscriptions, chatSettings);
        Platforms platforms = Platforms.create(settings, console, clock, previews);
        AdminNotifier admins = new AdminNotifier(platforms.senders(), config.admins().telegram(),
                config.admins().slack());
        AtomicReference<Admins> adminIds = new AtomicReference<>(config.admins());
        service.admins = admins;
        OutboxWorker worker = new OutboxWorker(outbox, subscriptions, chatSettings, platforms.senders(), admins,
                deliveryPolicy(config.delivery()), clock, ops.metrics());
        admins.through(worker);
        AlertPlanner planner = new AlertPlanner(subscriptions, new Summarizer(), SUMMARY_CHARS,
                Summaries.articles(config, clock), Summaries.llm(config, settings));
        int pollThreads = Math.max(2, Math.min(16, config.feeds().size()));
        FetchPolicy fetchPolicy = FetchPolicy.defaults(config.allowPrivateAddresses())
                .withMaxBodyBytes(config.maxBodyBytes())
                .withConcurrency(FetchPolicy.DEFAULT_PER_HOST, pollThreads);
        Poller poller = new Poller(new FeedReader(fetchPolicy)::read, feeds, planner, worker::wake,
                new PollTiming(config.maxFailures(), PollTiming.DEFAULT_BACKOFF_CAP),
                new FeedHealthLog(service::noticeAdmins), clock, RandomGenerator.getDefault(), config.limits());
        PollScheduler scheduler = new PollScheduler(poller, pollThreads, clock, Databases.scheduleStore(settings),
                ops.metrics());
        service.scheduler = scheduler;
        var chatFeeds = new JdbcChatFeedStore(db);
        LiveFeeds live = new LiveFeeds(config.feeds(), scheduler, feeds, chatFeeds, clock);
        ConfigReloader reloader = service.reloader = new ConfigReloader(settings.configFile(), config, live,
                subscriptions, admins, adminIds, previews);
        Predicate<IncomingMessage> isAdmin = adminCheck(adminIds::get);
        FeedAdminService feedAdmin = new FeedAdminService(live, chatFeeds, feeds, scheduler, reloader,
                allowPrivate -> new FeedReader(FetchPolicy.defaults(allowPrivate).withMaxBodyBytes(config.maxBodyBytes())),
                clock);
        CommandRouter router = service.router = new CommandRouter(subscriptions, MAX_SUBSCRIPTIONS_PER_CHAT,
                isAdmin, new StatusReport(feeds, outbox)::render, chatSettings, new JdbcRecentStories(db));
        AdminCommands commands = new AdminCommands(router, feedAdmin, isAdmin);
        ChatRole slackChannels = () -> !adminIds.get().slackChannelsAdminsOnly();
        router.knownFeeds(() -> live.all().stream().map(io.herald.config.FeedConfig::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        platforms.slackChannelCheck().ifPresent(router::checkDestinations);
        ops.metrics().watchIndexSize(planner::indexSize);
        loadInBackground(planner);

        LeaderRoles roles = new LeaderRoles(db);
        ops.roles(roles::states);
        roles.add(DELIVERY, deliveryHandover(config.delivery()), new LeaderRoles.Role() {
            @Override
            public void start() {
                worker.start(ops.supervisor());
            }

            @Override
            public void stop() {
                worker.stop(DELIVERY_STOP);
            }
        });
        scheduler.start(live.startingFeeds(), live::firstPoll);
        ops.watch(db, outbox, feeds, config.retention(), scheduler);
        ops.supervisor().supervise("chat-feeds", false, every(CHAT_FEED_SYNC, live::syncChatFeeds));
        watchConfig(settings.configFile(), reloader, ops);
        List<AutoCloseable> chat = platforms.startChat(commands, new AlertPresses(subscriptions, outbox, isAdmin),
                subscriptions, ops.supervisor(), ops.transports(), roles, worker,
                CommandThrottle.standard(clock).exempting(user -> parseLong(user)
                        .map(adminIds.get().telegram()::contains).orElse(false)),
                slackChannels,
                user -> !adminIds.get().slackChannelsAdminsOnly() || adminIds.get().slack().contains(user));
        service.httpPort = ops.serve(settings, HttpEndpoints.routes(service.endpoints(settings,
                SlackCommandEndpoint.inChannels(commands, slackChannels), platforms.slackInteractions(), platforms.telegramWebhook(), clock)));
        service.shutdown
                .phase(Duration.ofSeconds(1)).step("http", ops::stopServing)
                .phase(DELIVERY_STOP.plusSeconds(1)).step("delivery", () -> {
                    worker.stop(DELIVERY_STOP);
                    roles.release(DELIVERY);
                })
                .step("polling", scheduler).step("background loops", ops.supervisor())
                .step("chat", () -> {
                    roles.close();
                    closeInOrder(chat);
                })
                .phase(Duration.ofSeconds(2)).step("platform clients", platforms).step("metrics", ops.metrics())
                .step("database", db);
        LOG.info("herald started: {} feeds, {} routes, delivering to {}", config.feeds().size(),
                config.routes().size(), platforms.describe());
        return service;
    }

    /**
     * Reads the stored subscriptions into the matching index on a thread of its own, so that chat commands are
     * answered meanwhile (a million subscriptions take seconds); a poll that needs the index waits for it. If the
     * read fails, the first poll tries again.
     */
    private static void loadInBackground(AlertPlanner planner) {
        Thread loader = new Thread(() -> {
            try {
                planner.loadSubscriptions();
            } catch (RuntimeException e) {
                LOG.error("matching index: loading the subscriptions failed ({}); the first poll tries again", e.toString());
            }
        }, "index-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Watches the config file's folder and reloads after each change (nothing to watch without the file). */
    private static void watchConfig(Path file, ConfigReloader reloader, Operations ops) {
        if (!Files.isRegularFile(file)) {
            LOG.info("config: {} is not a file; not watched for changes", file);
            return;
        }
        ConfigWatcher watcher;
        try {
            watcher = new ConfigWatcher(file, CONFIG_QUIET, reloader::fileChanged);
        } catch (IOException e) {
            LOG.warn("config: cannot watch {} for changes ({}); SIGHUP and /reload still reload it", file,
                    e.getMessage());
            return;
        }
        ops.supervisor().supervise("config-watch", false, new Supervised() {
            @Override
            public void run() throws InterruptedException {
                watcher.run();
            }

            @Override
            public void stop() {
                watcher.stop();
            }
        });
    }

    /** A loop that runs {@code work} every {@code period} until stopped. */
    private static Supervised every(Duration period, Runnable work) {
        return new Supervised() {
            private final CountDownLatch stopped = new CountDownLatch(1);

            @Override
            public void run() throws InterruptedException {
                while (!stopped.await(period.toMillis(), TimeUnit.MILLISECONDS)) {
                    work.run();
                }
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        };
    }

    /** The ids of the feeds this node's scheduler polls. */
    java.util.Set<String> polledFeeds() {
        return scheduler.feedIds();
    }

    ConfigReloader reloader() {
        return reloader;
    }

    /** SIGHUP: reads the config file again, as {@code /reload} does (every admin is told the outcome). */
    void reloadOnSignal() {
        reloader.signalled();
    }

    private HttpEndpoints.Sources endpoints(Settings settings, CommandHandler router,
                                            Optional<SlackInteractions> buttons,
                                            Optional<io.herald.chat.telegram.TelegramWebhook> telegramWebhook,
                                            Clock clock) {
        Optional<SlackSignature> signature = settings.slackSigningSecret()
                .map(secret -> new SlackSignature(secret.value(), clock));
        return new HttpEndpoints.Sources(ops::ready, ops::live, ops.metrics(),
                settings.metricsToken().map(Secret::value),
                signature.map(s -> new SlackCommandEndpoint(s, router)),
                signature.flatMap(s -> buttons.map(b -> new SlackInteractionEndpoint(s, b))), telegramWebhook);
    }

    private static void closeInOrder(List<AutoCloseable> parts) throws Exception {
        for (AutoCloseable part : parts) {
            part.close();
        }
    }

    /**
     * How long a node that becomes the delivery leader waits before its first send: the longest gap the policy keeps
     * between two messages to one chat (a group's), so that the previous leader's last sends and the new leader's
     * first ones never come closer than the pace allows. Retry-after windows and backoff need no wait: they live in
     * the outbox rows ({@code next_attempt_at}), which every node reads.
     */
    static Duration deliveryHandover(DeliveryConfig d) {
        DeliveryPolicy p = deliveryPolicy(d);
        Duration longest = p.telegramPrivateGap();
        for (Duration gap : List.of(p.telegramGroupGap(), p.slackChannelGap())) {
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        return longest;
    }

    /** The HTTP server's port, when HERALD_HTTP_PORT is set. */
    Optional<Integer> httpPort() {
        return httpPort;
    }

    /** The worker's policy from the config's {@code delivery:} section (retry waits are Herald's own). */
    static DeliveryPolicy deliveryPolicy(DeliveryConfig d) {
        DeliveryPolicy base = DeliveryPolicy.defaults();
        return new DeliveryPolicy(perMinute(d.telegramChatPerMinute()), perMinute(d.telegramGroupPerMinute()),
                perMinute(d.slackChannelPerMinute()), base.firstRetry(), base.maxRetryWait(), d.maxAttempts(),
                d.telegramPerSecond(), d.slackPerSecond(), d.floodWindow(), d.senders());
    }

    private static Duration perMinute(int messages) {
        return Duration.ofMillis((60_000 + messages - 1) / messages);
    }

    /** Tells the admins in chat about a feed-health event (it is also logged at WARN by {@link FeedHealthLog}). */
    void noticeAdmins(String feedId, String message) {
        admins.notifyAdmins(message);
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

    static java.util.Map<String, io.herald.model.LinkPreview> routePreviews(List<RouteConfig> routes) {
        java.util.Map<String, io.herald.model.LinkPreview> out = new java.util.HashMap<>();
        routes.forEach(r -> r.preview().ifPresent(p -> out.put(r.id(), p)));
        return out;
    }

    private static Predicate<IncomingMessage> adminCheck(Supplier<Admins> admins) {
        return m -> switch (m.replyTo().platform()) {
            case TELEGRAM -> parseLong(m.userId()).map(admins.get().telegram()::contains).orElse(false);
            case SLACK -> admins.get().slack().contains(m.userId());
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

    /** Tells the configured admins something that needs a person (e.g. a feed paused after repeated failures). */
    AdminNotifier admins() {
        return admins;
    }

    /** The chat command router (the console subscriber in the demo talks to it directly). */
    CommandRouter router() {
        return router;
    }

    /**
     * Stops the HTTP server, then delivery (sends in flight finish within {@link #DELIVERY_STOP} or stay pending),
     * polling, chat and the background loops at once, then the platform clients; each phase within its own limit,
     * so the whole stop ends within 8 s however loaded the service is. A poll left behind only queues rows; nothing
     * is lost.
     */
    @Override
    public void close() {
        shutdown.run();
        LOG.info("herald stopped ({})", database);
    }

    /** Console sender that answers for another platform when no chat platform is configured. */
    record ConsoleAlias(Platform platform, ConsoleSender console) implements AlertSender {
        @Override
        public void send(io.herald.model.Alert alert) throws io.herald.deliver.SendFailure {
            console.send(alert);
        }

        @Override
        public void sendNotice(String address, String text) throws io.herald.deliver.SendFailure {
            console.sendNotice(platform.key() + ":" + address, text);
        }
    }
}
