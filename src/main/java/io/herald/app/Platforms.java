package io.herald.app;

import io.herald.chat.CommandHandler;
import io.herald.chat.CommandRouter;
import io.herald.chat.telegram.TelegramBot;
import io.herald.config.Settings;
import io.herald.deliver.AlertSender;
import io.herald.deliver.console.ConsoleSender;
import io.herald.deliver.slack.SlackSender;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.health.TransportStatus;
import io.herald.model.Platform;
import io.herald.supervise.Supervisor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The chat platforms Herald talks to, built from the settings: Telegram, Slack, and the console. */
final class Platforms implements AutoCloseable {
    private final Settings settings;
    private final List<AlertSender> senders = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private TelegramClients telegram;

    private Platforms(Settings settings) {
        this.settings = settings;
    }

    static Platforms create(Settings settings, PrintStream console, Clock clock) {
        Platforms p = new Platforms(settings);
        ConsoleSender consoleSender = new ConsoleSender(console, clock);
        p.senders.add(consoleSender);
        settings.telegramToken().ifPresent(token -> {
            p.telegram = TelegramClients.create(token.value(), settings.telegramApiUrl().toString());
            p.resources.add(p.telegram);
            p.senders.add(new TelegramSender(p.telegram.client(), clock));
        });
        settings.slackBotToken().ifPresent(token -> {
            SlackSender slack = new SlackSender(token.value(), settings.slackApiUrl(), clock);
            p.senders.add(slack);
            p.resources.add(slack);
        });
        if (!settings.telegramEnabled() && !settings.slackEnabled()) {
            p.senders.add(new HeraldService.ConsoleAlias(Platform.TELEGRAM, consoleSender));
            p.senders.add(new HeraldService.ConsoleAlias(Platform.SLACK, consoleSender));
        }
        return p;
    }

    List<AlertSender> senders() {
        return List.copyOf(senders);
    }

    /**
     * Starts answering chat commands where a platform is configured, each transport under the supervisor (started
     * again with backoff when it cannot connect or its connection ends) and reporting its state to {@code status}.
     */
    void startChat(CommandHandler router, Supervisor supervisor, TransportStatus status) {
        if (telegram != null) {
            supervisor.supervise(TelegramBot.TRANSPORT, false,
                    new TelegramBot(telegram, router, CommandRouter.commands(), status));
        }
    }

    String describe() {
        List<String> names = new ArrayList<>();
        if (settings.telegramEnabled()) {
            names.add("telegram");
        }
        if (settings.slackEnabled()) {
            names.add("slack");
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
