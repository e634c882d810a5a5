package io.herald.deliver.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The HTTP pieces shared by everything that talks to one Telegram bot: the Bot API base URL, one OkHttp client
 * (read timeout above the 50 s long poll, daemon dispatcher threads) and the library's {@link TelegramClient}.
 * Close it once, after the sender and the bot are done.
 */
public final class TelegramClients implements AutoCloseable {

    /** Telegram's public Bot API. */
    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    /** Longer than the 50 s {@code getUpdates} long poll. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(75);

    private final String token;
    private final TelegramUrl url;
    private final OkHttpClient http;
    private final ExecutorService dispatcherThreads;
    private final TelegramClient client;

    private TelegramClients(String token, TelegramUrl url, ExecutorService dispatcherThreads) {
        this.token = token;
        this.url = url;
        this.dispatcherThreads = dispatcherThreads;
        this.http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(dispatcherThreads))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(READ_TIMEOUT.plusSeconds(15))
                .build();
        this.client = new OkHttpTelegramClient(http, token, url);
    }

    /**
     * @param token  the bot token (never logged)
     * @param apiUrl the Bot API base URL ({@code TELEGRAM_API_URL}); null or blank means {@link #DEFAULT_API_URL}
     * @throws IllegalArgumentException when the token is blank or the URL is not an http(s) URL without a path
     */
    public static TelegramClients create(String token, String apiUrl) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("telegram: the bot token is empty");
        }
        return new TelegramClients(token.strip(), parseUrl(apiUrl), daemonPool());
    }

    /** Parses {@code TELEGRAM_API_URL} (e.g. {@code http://127.0.0.1:8081}) into the library's URL parts. */
    public static TelegramUrl parseUrl(String apiUrl) {
        String text = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("telegram: TELEGRAM_API_URL '" + text + "' is not a URL", e);
        }
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "telegram: TELEGRAM_API_URL '" + text + "' must look like https://host[:port]");
        }
        String path = Objects.requireNonNullElse(uri.getPath(), "");
        if (!path.isEmpty() && !path.equals("/") || uri.getQuery() != null) {
            throw new IllegalArgumentException("telegram: TELEGRAM_API_URL '" + text
                    + "' must not have a path or query (the bot path /bot<token>/ is added)");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    private static ExecutorService daemonPool() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "herald-telegram-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The library client for Bot API calls; keep it inside the Telegram adapter packages. */
    public TelegramClient client() {
        return client;
    }

    /** Where the Bot API is. */
    public TelegramUrl url() {
        return url;
    }

    /** The shared OkHttp client; derive others with {@code newBuilder()} to share its connection pool. */
    public OkHttpClient http() {
        return http;
    }

    /** The bot token, for the long poller. Never log it. */
    public String token() {
        return token;
    }

    /** Cancels calls in flight, stops the dispatcher threads and closes pooled connections. */
    /**
     * Asks Telegram ({@code getMe}) whether {@code token} is a bot token it knows: 401 or 404 mean refused; any
     * other failure means it could not be told.
     */
    public static io.herald.deliver.TokenVerdict checkToken(String token, String apiUrl) {
        try (TelegramClients clients = create(token, apiUrl)) {
            clients.client().execute(new org.telegram.telegrambots.meta.api.methods.GetMe());
            return new io.herald.deliver.TokenVerdict(io.herald.deliver.TokenVerdict.Outcome.ACCEPTED, "ok");
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException e) {
            int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            return new io.herald.deliver.TokenVerdict(code == 401 || code == 404
                    ? io.herald.deliver.TokenVerdict.Outcome.REFUSED : io.herald.deliver.TokenVerdict.Outcome.UNKNOWN,
                    code == 0 ? "an error" : Integer.toString(code));
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException | RuntimeException e) {
            return new io.herald.deliver.TokenVerdict(io.herald.deliver.TokenVerdict.Outcome.UNKNOWN,
                    "cannot reach " + apiUrl + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        dispatcherThreads.shutdown();
        http.connectionPool().evictAll();
        try {
            if (!dispatcherThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                dispatcherThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            dispatcherThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TelegramClients[" + url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "]";
    }
}
