package io.herald.app;

import io.herald.chat.AlertPresses;
import io.herald.chat.CommandHandler;
import io.herald.chat.ChatRole;
import io.herald.chat.CommandRouter;
import io.herald.chat.CommandThrottle;
import io.herald.chat.slack.SlackCommandEndpoint;
import io.herald.chat.slack.SlackHome;
import io.herald.chat.slack.SlackInteractions;
import io.herald.chat.slack.SlackSocketMode;
import io.herald.chat.telegram.TelegramBot;
import io.herald.chat.telegram.TelegramWebhook;
import io.herald.config.Settings;
import io.herald.deliver.AlertSender;
import io.herald.deliver.RedactingSender;
import io.herald.deliver.ReplyQueue;
import io.herald.deliver.console.ConsoleSender;
import io.herald.deliver.slack.SlackSender;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Alert;
import io.herald.model.LinkPreview;
import io.herald.model.Platform;
import io.herald.model.Redactor;
import io.herald.store.SubscriptionStore;
import io.herald.supervise.Supervisor;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The chat platforms Herald talks to, built from the settings: Telegram, Slack, and the console. */
final class Platforms implements AutoCloseable {
    private final Settings settings;
    private final List<AlertSender> senders = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private TelegramClients telegram;
    private SlackSender slack;
    private SlackInteractions slackInteractions;
    private TelegramWebhook telegramWebhook;

    private Platforms(Settings settings) {
        this.settings = settings;
    }

    /** @param previews how each Telegram alert shows its link preview */
    static Platforms create(Settings settings, PrintStream console, Clock clock,
                            Function<Alert, LinkPreview> previews) {
        Platforms p = new Platforms(settings);
        ConsoleSender consoleSender = new ConsoleSender(console, clock);
        p.senders.add(consoleSender);
        settings.telegramToken().ifPresent(token -> {
            p.telegram = TelegramClients.create(token.value(), settings.telegramApiUrl().toString());
            p.resources.add(p.telegram);
            p.senders.add(new TelegramSender(p.telegram.client(), clock, previews));
            settings.telegramWebhookUrl().ifPresent(url -> p.telegramWebhook = new TelegramWebhook(url));
        });
        settings.slackBotToken().ifPresent(token -> {
            p.slack = new SlackSender(token.value(), settings.slackApiUrl(), clock);
            p.senders.add(p.slack);
            p.resources.add(p.slack);
        });
        if (!settings.telegramEnabled() && !settings.slackEnabled()) {
            p.senders.add(new HeraldService.ConsoleAlias(Platform.TELEGRAM, consoleSender));
            p.senders.add(new HeraldService.ConsoleAlias(Platform.SLACK, consoleSender));
        }
        return p;
    }

    /** Every sender, its failures redacted (no configured secret in what they say). */
    List<AlertSender> senders() {
        Redactor redactor = settings.redactor();
        return senders.stream().<AlertSender>map(s -> new RedactingSender(s, redactor)).toList();
    }

    /**
     * Starts answering chat commands where a platform is configured: the Telegram bot under the supervisor (started
     * again with backoff when it cannot connect or its poll loop ends, its connection reported to {@code status}) on
     * the node holding the {@link #TELEGRAM_UPDATES} role of {@code roles} (on SQLite, the only node, at once), and
     * Slack over Socket Mode when {@code SLACK_APP_TOKEN} is set. Returns what to close, in order (closing
     * {@code roles} stops the Telegram bot).
     */
    List<AutoCloseable> startChat(CommandHandler router, AlertPresses presses, SubscriptionStore subscriptions,
                                  Supervisor supervisor, io.herald.health.Transports status, LeaderRoles roles,
                                  ReplyQueue replies, CommandThrottle throttle, ChatRole slackChannels,
                                  java.util.function.Predicate<String> slackUserMayChangeChannels) {
        List<AutoCloseable> started = new ArrayList<>();
        if (telegram != null) {
            roles.add(TELEGRAM_UPDATES, Duration.ZERO, new TelegramUpdates(router, presses, supervisor, status,
                    replies, throttle));
        }
        if (slack != null) {
            CommandHandler slackRouter = SlackCommandEndpoint.inChannels(router, slackChannels);
            slackInteractions = new SlackInteractions(slack, slackRouter, presses, new SlackHome(slack, subscriptions,
                    slackUserMayChangeChannels),
                    slackChannels);
            if (settings.slackAppToken().isPresent()) {
                SlackSocketMode socket = new SlackSocketMode(slack, settings.slackAppToken().get().value(),
                        slackRouter, slackInteractions);
                started.add(socket);
                socket.start();
            }
            started.add(slackInteractions);
        }
        return started;
    }

    /** Whether the bot is in a Slack channel that wants to subscribe, when Slack is configured. */
    Optional<io.herald.chat.slack.SlackChannelCheck> slackChannelCheck() {
        return Optional.ofNullable(slack).map(io.herald.chat.slack.SlackChannelCheck::new);
    }

    /** The receiving end of Telegram's webhook mode, when {@code HERALD_TELEGRAM_WEBHOOK_URL} is set. */
    Optional<TelegramWebhook> telegramWebhook() {
        return Optional.ofNullable(telegramWebhook);
    }

    /** The leader role of the node that consumes Telegram updates (Telegram allows one consumer per bot). */
    static final String TELEGRAM_UPDATES = "telegram-updates";
    private static final Duration BOT_STOP = Duration.ofSeconds(5);

    /**
     * The Telegram bot's long polling, run by one node of a cluster at a time: started under the supervisor when
     * this node takes the lock, stopped (and its transport state forgotten) when it gives the lock up.
     */
    private final class TelegramUpdates implements LeaderRoles.Role {
        private final CommandHandler router;
        private final AlertPresses presses;
        private final Supervisor supervisor;
        private final io.herald.health.Transports status;
        private final ReplyQueue replies;
        private final CommandThrottle throttle;
        private TelegramBot bot;
        private Supervisor.Handle handle;

        TelegramUpdates(CommandHandler router, AlertPresses presses, Supervisor supervisor,
                        io.herald.health.Transports status, ReplyQueue replies, CommandThrottle throttle) {
            this.router = router;
            this.replies = replies;
            this.throttle = throttle;
            this.presses = presses;
            this.supervisor = supervisor;
            this.status = status;
        }

        @Override
        public synchronized void start() {
            if (handle == null) {
                bot = new TelegramBot(telegram, router, Optional.of(presses),
                        io.herald.chat.AdminCommands.commands(CommandRouter.commands()), status, replies, throttle,
                        Optional.ofNullable(telegramWebhook));
                handle = supervisor.supervise(TelegramBot.TRANSPORT, false, bot);
            }
        }

        @Override
        public synchronized void stop() {
            if (handle != null) {
                supervisor.retire(handle, BOT_STOP);
                bot.close();
                status.forget(TelegramBot.TRANSPORT);
                handle = null;
                bot = null;
            }
        }
    }

    /** Slack's button handling, once {@link #startChat} ran with Slack configured. */
    Optional<SlackInteractions> slackInteractions() {
        return Optional.ofNullable(slackInteractions);
    }

    String describe() {
        List<String> names = new ArrayList<>();
        if (settings.telegramEnabled()) {
            names.add(telegramWebhook != null ? "telegram (webhook)" : "telegram");
        }
        if (settings.slackEnabled()) {
            names.add(settings.slackAppToken().isPresent() ? "slack (Socket Mode)" : "slack");
        }
        return names.isEmpty() ? "the console (no TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set)"
                : String.join(" and ", names) + " (and console: routes)";
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }
}
