package io.herald.chat.telegram;

import io.herald.chat.AlertPresses;
import io.herald.chat.BotCommandInfo;
import io.herald.chat.CommandHandler;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.health.TransportStatus;
import io.herald.supervise.Supervised;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * what the {@link CommandHandler} says. Run it once with {@link #start()}, or under a supervisor ({@link #run()}),
 * which starts it again when Telegram cannot be reached at start or the poll loop ends; every {@code getUpdates}
 * answer or failure is reported to the {@link TransportStatus} as connected or disconnected. {@link #close()} stops
 * polling and every thread the bot started.
 */
public final class TelegramBot implements Supervised, AutoCloseable {

    /** The name this transport reports its state under. */
    public static final String TRANSPORT = "telegram";
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    private static final int LANES = 4;
    private static final long STOP_MILLIS = 3_000;
    private static final long WATCH_MILLIS = 1_000;

    private final TelegramClients clients;
    private final boolean ownsClients;
    private final CommandHandler handler;
    private final Optional<AlertPresses> presses;
    private final List<BotCommandInfo> commands;
    private final TransportStatus status;
    private final OkHttpClient pollHttp;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private Polling polling;
    private boolean started;
    private boolean closed;

    /** A bot with its own HTTP client for {@code token} at {@code apiUrl} ({@code TELEGRAM_API_URL}, may be null). */
    public TelegramBot(String token, String apiUrl, CommandHandler handler, List<BotCommandInfo> commands) {
        this(TelegramClients.create(token, apiUrl), true, handler, Optional.empty(), commands, TransportStatus.NONE);
    }

    /**
     * A bot sharing {@code clients} with the alert sender; closing the bot leaves {@code clients} open. Presses on
     * alert buttons go to {@code presses}.
     */
    public TelegramBot(TelegramClients clients, CommandHandler handler, AlertPresses presses,
                       List<BotCommandInfo> commands) {
        this(clients, false, handler, Optional.of(presses), commands, TransportStatus.NONE);
    }

    /** As above (alert buttons answered when {@code presses} is given), reporting its connection to {@code status}. */
    public TelegramBot(TelegramClients clients, CommandHandler handler, Optional<AlertPresses> presses,
                       List<BotCommandInfo> commands, TransportStatus status) {
        this(clients, false, handler, presses, commands, status);
    }

    private TelegramBot(TelegramClients clients, boolean ownsClients, CommandHandler handler,
                        Optional<AlertPresses> presses, List<BotCommandInfo> commands, TransportStatus status) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.ownsClients = ownsClients;
        this.presses = presses;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.commands = List.copyOf(commands);
        this.status = status;
        // own dispatcher: close() can cancel the held getUpdates call without touching the sender's calls
        this.pollHttp = clients.http().newBuilder().dispatcher(new Dispatcher(Executors.newCachedThreadPool(
                        TelegramUpdateConsumer.daemonThreads("herald-telegram-poll-http"))))
                .addInterceptor(new ConnectionReport(TRANSPORT, status)).build();
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
            polling = startPolling();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Under a supervisor: starts polling, watches that its poll loop keeps running, and returns when stopped.
     * Throws (so the supervisor starts it again after a backoff) when Telegram cannot be reached at start or the
     * poll loop ended by itself.
     */
    @Override
    public void run() throws InterruptedException {
        Polling s;
        try {
            s = startPolling();
        } catch (RuntimeException e) {
            status.disconnected(TRANSPORT, e.getMessage());
            throw e;
        }
        try {
            while (!stopRequested.await(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
                if (!s.poller.running()) {
                    status.disconnected(TRANSPORT, "the poll loop ended");
                    throw new IllegalStateException("telegram: the poll loop for updates ended");
                }
            }
        } finally {
            s.close();
        }
    }

    /** Asks {@link #run()} to return. */
    @Override
    public void stop() {
        stopRequested.countDown();
    }

    private Polling startPolling() {
        Optional<String> username = botUsername();
        status.connected(TRANSPORT);
        publishCommands();
        TelegramUpdateConsumer consumer = new TelegramUpdateConsumer(
                new TelegramUpdateHandler(clients, handler, presses, username), LANES);
        try {
            clients.client().execute(new DeleteWebhook());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("telegram: cannot start polling for updates (deleteWebhook failed): "
                    + e.getMessage(), e);
        }
        TelegramPoller poller = new TelegramPoller(new OkHttpTelegramClient(pollHttp, clients.token(), clients.url()),
                pollHttp, consumer::consume);
        poller.start();
        log.info("telegram: bot {} polling {}", username.map(u -> "@" + u).orElse(""), clients);
        return new Polling(consumer, poller);
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
        stop();
        try {
            if (polling != null) {
                polling.close();
            }
        } finally {
            pollHttp.dispatcher().cancelAll();
            pollHttp.dispatcher().executorService().shutdownNow();
            if (ownsClients) {
                clients.close();
            }
        }
    }

    /** One run of long polling: the poll loop and the update workers. */
    private record Polling(TelegramUpdateConsumer consumer, TelegramPoller poller) {
        void close() {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_MILLIS);
            try {
                poller.stop(Duration.ofMillis(STOP_MILLIS));
                consumer.shutdown(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
