package io.herald.chat.telegram;

import io.herald.chat.AlertPresses;
import io.herald.chat.BotCommandInfo;
import io.herald.chat.CommandHandler;
import io.herald.deliver.telegram.TelegramClients;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Herald's Telegram chat bot: registers the command menu, long-polls updates and answers every text message with
 * what the {@link CommandHandler} says. {@link #close()} stops polling and every thread the bot started.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final int LANES = 4;
    private static final long STOP_MILLIS = 5_000;

    private final TelegramClients clients;
    private final boolean ownsClients;
    private final CommandHandler handler;
    private final Optional<AlertPresses> presses;
    private final List<BotCommandInfo> commands;
    private final OkHttpClient pollHttp;
    private TelegramPoller poller;
    private TelegramUpdateConsumer consumer;
    private boolean started;
    private boolean closed;

    /** A bot with its own HTTP client for {@code token} at {@code apiUrl} ({@code TELEGRAM_API_URL}, may be null). */
    public TelegramBot(String token, String apiUrl, CommandHandler handler, List<BotCommandInfo> commands) {
        this(TelegramClients.create(token, apiUrl), true, handler, Optional.empty(), commands);
    }

    /**
     * A bot sharing {@code clients} with the alert sender; closing the bot leaves {@code clients} open. Presses on
     * alert buttons go to {@code presses}.
     */
    public TelegramBot(TelegramClients clients, CommandHandler handler, AlertPresses presses,
                       List<BotCommandInfo> commands) {
        this(clients, false, handler, Optional.of(presses), commands);
    }

    private TelegramBot(TelegramClients clients, boolean ownsClients, CommandHandler handler,
                        Optional<AlertPresses> presses, List<BotCommandInfo> commands) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.ownsClients = ownsClients;
        this.presses = presses;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.commands = List.copyOf(commands);
        // own dispatcher: close() can cancel the held getUpdates call without touching the sender's calls
        this.pollHttp = clients.http().newBuilder().dispatcher(new Dispatcher(
                java.util.concurrent.Executors.newCachedThreadPool(
                        TelegramUpdateConsumer.daemonThreads("herald-telegram-poll-http")))).build();
    }

    /**
     * Publishes the command menu and starts long polling.
     *
     * @throws IllegalStateException when already started or closed, or when Telegram cannot be reached or refuses
     *                               the token (the bot is then closed); the message says why
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("telegram: the bot was already " + (closed ? "closed" : "started"));
        }
        started = true;
        try {
            startPolling();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startPolling() {
        Optional<String> username = botUsername();
        publishCommands();
        consumer = new TelegramUpdateConsumer(new TelegramUpdateHandler(clients.client(), handler, presses, username), LANES);
        try {
            clients.client().execute(new DeleteWebhook());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("telegram: cannot start polling for updates (deleteWebhook failed): "
                    + e.getMessage(), e);
        }
        poller = new TelegramPoller(new OkHttpTelegramClient(pollHttp, clients.token(), clients.url()), pollHttp,
                consumer::consume);
        poller.start();
        log.info("telegram: bot {} polling {}", username.map(u -> "@" + u).orElse(""), clients);
    }

    private Optional<String> botUsername() {
        try {
            return Optional.ofNullable(clients.client().execute(new GetMe()).getUserName());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("telegram: cannot start the bot (getMe failed): " + e.getMessage(), e);
        }
    }

    private void publishCommands() {
        List<BotCommand> menu = commands.stream().map(c -> new BotCommand(c.command(), c.description())).toList();
        try {
            clients.client().execute(new SetMyCommands(menu));
        } catch (TelegramApiException e) {
            log.warn("telegram: could not publish the command menu: {}", e.getMessage());
        }
    }

    /** Stops polling, lets replies in progress finish (a few seconds at most) and stops the bot's threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (poller != null) {
                poller.stop(Duration.ofMillis(STOP_MILLIS));
            }
            if (consumer != null) {
                consumer.shutdown(STOP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pollHttp.dispatcher().cancelAll();
            pollHttp.dispatcher().executorService().shutdownNow();
            if (ownsClients) {
                clients.close();
            }
        }
    }
}
