package io.herald.app;

import io.herald.chat.AlertPresses;
import io.herald.chat.CommandHandler;
import io.herald.chat.CommandRouter;
import io.herald.chat.telegram.TelegramBot;
import io.herald.config.Settings;
import io.herald.deliver.AlertSender;
import io.herald.deliver.console.ConsoleSender;
import io.herald.deliver.slack.SlackSender;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Alert;
import io.herald.model.LinkPreview;
import io.herald.model.Platform;
import java.io.PrintStream;
import java.time.Clock;
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

    /** Starts answering chat commands where a platform is configured. */
    Optional<AutoCloseable> startChat(CommandHandler router, AlertPresses presses) {
        if (telegram == null) {
            return Optional.empty();
        }
        TelegramBot bot = new TelegramBot(telegram, router, presses, CommandRouter.commands());
        bot.start();
        return Optional.of(bot);
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
