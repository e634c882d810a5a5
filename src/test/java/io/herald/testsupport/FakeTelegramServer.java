package io.herald.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict local Telegram Bot API server for tests: real HTTP on 127.0.0.1, paths {@code /bot<token>/<method>}
 * (method names in any case), JSON or form bodies, required fields and types checked against the Bot API spec,
 * Telegram's HTML entity rules, text and {@code callback_data} limits, unknown chats, blocked users and rate limits
 * with {@code retry_after}. {@code getUpdates} is held until an update is queued, like Telegram's long polling.
 *
 * <p>Implemented methods: getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo, sendMessage,
 * editMessageReplyMarkup, setMyCommands, getMyCommands, deleteMyCommands, answerCallbackQuery, getFile (and the file
 * download path {@code /file/bot<token>/<file_path>}), sendDocument (multipart/form-data uploads), logOut, close.
 * Anything else answers 404. While a webhook is set, updates are POSTed to it instead of being returned by
 * {@code getUpdates} (which then answers 409), see {@link FakeTelegramWebhook}.
 * Forum chats have topics ({@code message_thread_id}) that can be closed or deleted; {@code link_preview_options}
 * are checked and recorded.
 */
public final class FakeTelegramServer implements AutoCloseable {

    /** The bot's username as {@code getMe} reports it. */
    public static final String BOT_USERNAME = "herald_test_bot";

    /** One button of an inline keyboard. */
    public record Button(String text, Optional<String> callbackData, Optional<String> url) {
    }

    /** One 429 answer: the chat and the {@code retry_after} seconds it was told to wait. */
    public record RateLimitHit(long chatId, long retryAfterSeconds) {
    }

    /** A command as registered with {@code setMyCommands}. */
    public record Command(String command, String description) {
    }

    /**
     * A message the bot sent that Telegram accepted.
     *
     * @param text                the raw {@code text} parameter
     * @param parseMode           the {@code parse_mode}, when one was given
     * @param plainText           what a user sees: the text after entity parsing
     * @param inlineKeyboard      rows of inline buttons as they are now (after any edit), empty without any
     * @param linkPreviewDisabled whether {@code link_preview_options.is_disabled} was true
     * @param threadId            the forum topic ({@code message_thread_id}) it went to, if any
     * @param linkPreview         the {@code link_preview_options} as sent
     */
    public record SentMessage(long chatId, long messageId, String text, Optional<String> parseMode, String plainText,
                              List<List<Button>> inlineKeyboard, boolean linkPreviewDisabled, Optional<Long> threadId,
                              LinkPreview linkPreview) {

        SentMessage withKeyboard(List<List<Button>> keyboard) {
            return new SentMessage(chatId, messageId, text, parseMode, plainText, keyboard, linkPreviewDisabled,
                    threadId, linkPreview);
        }

        /** Every button's callback data, row by row. */
        public List<String> callbackData() {
            return inlineKeyboard.stream().flatMap(List::stream).map(b -> b.callbackData().orElse("")).toList();
        }
    }

    /** The {@code link_preview_options} of a message, as sent. */
    public record LinkPreview(boolean disabled, Optional<String> url, boolean preferSmallMedia,
                              boolean preferLargeMedia, boolean showAboveText) {
        /** What Telegram assumes without options. */
        public static final LinkPreview DEFAULT = new LinkPreview(false, Optional.empty(), false, false, false);
    }

    /** A document the bot sent ({@code sendDocument}, uploaded as multipart/form-data). */
    public record SentDocument(long chatId, long messageId, String fileName, byte[] content,
                               Optional<String> caption) {
    }

    /** An answer the bot gave to a button press ({@code answerCallbackQuery}); the text may be empty. */
    public record CallbackAnswer(String callbackQueryId, String text) {
    }

    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)/?$");
    private static final Pattern FILE_PATH = Pattern.compile("^/file/bot([^/]+)/([A-Za-z0-9_./-]+)$");

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FakeTelegramBotApi api;
    private final AtomicLong userMessageIds = new AtomicLong(1000);
    private final AtomicLong callbackIds = new AtomicLong(1);

    private FakeTelegramServer(String token, HttpServer server, ExecutorService executor) {
        this.token = token;
        this.server = server;
        this.executor = executor;
        this.api = new FakeTelegramBotApi(botIdOf(token));
    }

    /** Starts a server on 127.0.0.1 with a free port, answering only for {@code token}. */
    public static FakeTelegramServer start(String token) {
        TestSecrets.record(token);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-telegram-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FakeTelegramServer fake = new FakeTelegramServer(token, http, executor);
            http.createContext("/", fake::handle);
            http.setExecutor(executor);
            http.start();
            return fake;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("fake telegram: cannot start", e);
        }
    }

    /** e.g. {@code http://127.0.0.1:40123} (no trailing slash), to use as {@code TELEGRAM_API_URL}. */
    public String baseUrl() {
        return "http://" + host() + ":" + port();
    }

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    private final java.util.concurrent.atomic.AtomicInteger echoes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int echoStatus = 400;

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FakeTelegramHttp.write(exchange, answer(exchange));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FakeTelegramReply answer(HttpExchange exchange) throws IOException, InterruptedException {
        Matcher file = FILE_PATH.matcher(exchange.getRequestURI().getPath());
        if (file.matches()) {
            if (!file.group(1).equals(token)) {
                return FakeTelegramReply.error(401, "Unauthorized");
            }
            return api.files.download(file.group(2)).map(FakeTelegramReply::file)
                    .orElse(FakeTelegramReply.error(404, "Not Found"));
        }
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return FakeTelegramReply.error(404, "Not Found");
        }
        if (!path.group(1).equals(token)) {
            return FakeTelegramReply.error(401, "Unauthorized");
        }
        if (!exchange.getRequestMethod().equals("POST") && !exchange.getRequestMethod().equals("GET")) {
            return FakeTelegramReply.error(405, "Method Not Allowed");
        }
        if (!path.group(2).equalsIgnoreCase("getUpdates") && echoes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return FakeTelegramReply.error(echoStatus, "proxy refused " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath());
        }
        ObjectNode params;
        java.util.Map<String, FakeTelegramFiles.Upload> uploads = new java.util.HashMap<>();
        try {
            params = FakeTelegramHttp.readParams(exchange, uploads);
        } catch (FakeTelegramHttp.BadBody e) {
            return FakeTelegramReply.badRequest(e.getMessage());
        }
        return api.call(path.group(2), params, uploads);
    }

    /**
     * Parses {@code parse_mode=HTML} text exactly as {@code sendMessage} does, without a server.
     *
     * @return the plain text a user would see
     * @throws IllegalArgumentException with Telegram's "can't parse entities" reason when Telegram would refuse it
     */
    public static String plainTextOfHtml(String html) {
        try {
            return FakeTelegramHtml.toPlainText(html);
        } catch (FakeTelegramHtml.ParseError e) {
            throw new IllegalArgumentException("can't parse entities: " + e.getMessage(), e);
        }
    }

    // ---- driving the fake ----------------------------------------------------------------------------------

    /** Queues a text message from a user; the chat becomes known. */
    public void userSends(long chatId, long userId, String text) {
        api.addChat(chatId);
        api.updates.add(FakeTelegramJson.messageUpdate(
                FakeTelegramJson.message(userMessageIds.incrementAndGet(), chatId, userId, text)));
    }

    /** Makes a user an administrator of a group or supergroup ({@code getChatMember} says so); it becomes known. */
    public void makeGroupAdmin(long chatId, long userId) {
        api.setMemberStatus(chatId, userId, "administrator");
    }

    /** Makes a user the owner of a group ({@code getChatMember} status {@code creator}); it becomes known. */
    public void makeGroupOwner(long chatId, long userId) {
        api.setMemberStatus(chatId, userId, "creator");
    }

    /** Makes a chat a forum (a supergroup with topics); it becomes known. */
    public void makeForum(long chatId) {
        api.addChat(chatId);
        api.forums.makeForum(chatId);
    }

    /** Opens a new topic in a forum chat; returns its id ({@code message_thread_id}). */
    public long openTopic(long chatId) {
        makeForum(chatId);
        return api.forums.openTopic(chatId);
    }

    /** From now on, messages to this topic get 400 TOPIC_CLOSED. */
    public void closeTopic(long chatId, long topicId) {
        api.forums.set(chatId, topicId, FakeTelegramForums.State.CLOSED);
    }

    /** From now on, messages to this topic get 400 "message thread not found". */
    public void deleteTopic(long chatId, long topicId) {
        api.forums.set(chatId, topicId, FakeTelegramForums.State.DELETED);
    }

    /** Queues a text message a user wrote inside a forum topic. */
    public void userSendsInTopic(long chatId, long topicId, long userId, String text) {
        makeForum(chatId);
        ObjectNode message = FakeTelegramJson.message(userMessageIds.incrementAndGet(), chatId, userId, text);
        message.put("message_thread_id", topicId).put("is_topic_message", true);
        ((ObjectNode) message.get("chat")).put("is_forum", true);
        api.updates.add(FakeTelegramJson.messageUpdate(message));
    }

    /**
     * Queues a press on the inline button with {@code callbackData} under a message the bot sent (the data need not
     * be on the message: a crafted press).
     *
     * @return the callback query id the bot must answer
     */
    public String userPresses(SentMessage on, long userId, String callbackData) {
        String id = "cq" + callbackIds.getAndIncrement();
        api.openCallbackQuery(id);
        ObjectNode message = FakeTelegramJson.message(on.messageId(), on.chatId(), -1, on.plainText());
        message.set("from", api.bot());
        on.threadId().ifPresent(t -> message.put("message_thread_id", t).put("is_topic_message", true));
        api.updates.add(FakeTelegramJson.callbackUpdate(id, userId, message, callbackData));
        return id;
    }

    /**
     * Queues a document a user sends (with an optional caption); the bot reaches its bytes with {@code getFile} and
     * the file endpoint. The chat becomes known.
     */
    public void userSendsDocument(long chatId, long userId, String fileName, String mimeType, byte[] content) {
        api.addChat(chatId);
        ObjectNode message = FakeTelegramJson.message(userMessageIds.incrementAndGet(), chatId, userId, "");
        message.remove("text");
        message.set("document", api.files.userDocument(fileName, mimeType, content));
        api.updates.add(FakeTelegramJson.messageUpdate(message));
    }

    /** Documents the bot sent to the chat, waiting until {@code count} arrived or the timeout passed. */
    public List<SentDocument> awaitDocuments(long chatId, int count, Duration timeout) {
        try {
            return api.files.awaitSent(chatId, count, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return api.files.sent();
        }
    }

    /** Queues a message without text (a shared location); the chat becomes known. */
    public void userSendsLocation(long chatId, long userId) {
        api.addChat(chatId);
        api.updates.add(FakeTelegramJson.messageUpdate(
                FakeTelegramJson.message(userMessageIds.incrementAndGet(), chatId, userId, null)));
    }

    /**
     * Queues a press on an inline button with {@code callbackData} under a bot message in the chat.
     *
     * @return the callback query id the bot must answer
     */
    public String userPresses(long chatId, long userId, String callbackData) {
        api.addChat(chatId);
        String id = "cq" + callbackIds.getAndIncrement();
        api.openCallbackQuery(id);
        ObjectNode message = FakeTelegramJson.message(userMessageIds.incrementAndGet(), chatId, -1, "alert");
        message.set("from", api.bot());
        api.updates.add(FakeTelegramJson.callbackUpdate(id, userId, message, callbackData));
        return id;
    }

    /** Makes a chat known without a message from it (e.g. a channel the bot was added to). */
    public void addChat(long chatId) {
        api.addChat(chatId);
    }

    /** From now on, messages to this chat get 403 "Forbidden: bot was blocked by the user". */
    public void blockBy(long chatId) {
        api.block(chatId);
    }

    /**
     * From now on, messages to {@code from} get 400 with {@code migrate_to_chat_id = to} (a group upgraded to a
     * supergroup); {@code to} becomes a known chat.
     */
    public void migrate(long from, long to) {
        api.migrate(from, to);
    }

    /**
     * From now on, each {@code sendMessage} is answered 502 Bad Gateway (an HTML body) with this probability,
     * decided by a random generator with this seed, before any other check.
     */
    public void failRandomly(double rate, long seed) {
        api.failRandomly(rate, seed);
    }

    /** How many 502s {@link #failRandomly} injected. */
    public int injectedFailures() {
        return api.injectedFailures();
    }

    /**
     * Limits messages across all chats like Telegram's "about 30 per second": a bucket of {@code burst} messages
     * refilled at {@code perSecond}; a message beyond it gets 429 for its chat. 0 turns the limit off (default).
     */
    public void globalRateLimit(double perSecond, int burst) {
        api.limiter.configureGlobal(perSecond, burst);
    }

    /**
     * The next message to the chat gets 429 with this {@code retry_after} whatever its pace, as Telegram's flood
     * control answers at times; the chat's window opens as for any 429 ({@link #sendsInsideRetryWindow()}).
     */
    public void throttleNext(long chatId, int retryAfterSeconds) {
        api.limiter.throttleNext(chatId, retryAfterSeconds);
    }

    /** How many 429s {@link #throttleNext} caused (they are among {@link #rateLimitHits()}). */
    public int throttledSends() {
        return api.limiter.throttledSends();
    }

    /** The next call of any method except getUpdates gets this Bot API error (queued in order). */
    public void failNext(int httpStatus, String description) {
        api.failNext(FakeTelegramReply.error(httpStatus, description));
    }

    /** The next call of {@code method} (e.g. {@code getChatMember}) gets this Bot API error, whatever comes between. */
    public void failNextCallOf(String method, int httpStatus, String description) {
        api.failNextCallOf(method, FakeTelegramReply.error(httpStatus, description));
    }

    /** The next {@code times} getUpdates calls get this Bot API error (Telegram or a proxy in front of it failing). */
    public void failUpdates(int httpStatus, String description, int times) {
        api.failUpdates(FakeTelegramReply.error(httpStatus, description), times);
    }

    /**
     * The next {@code times} calls of any method except getUpdates fail with {@code httpStatus} and a description that
     * echoes the request path, token included, as some proxies and self-hosted Bot API servers do.
     */
    public void echoPathInErrors(int httpStatus, int times) {
        echoStatus = httpStatus;
        echoes.set(times);
    }

    /**
     * The next message to the chat is refused with 429 and {@code retry_after}; the window it opens is tracked like
     * the limits' own (see {@link #sendsInsideRetryWindow()}). Needs the limits enabled.
     */
    public void forceRateLimit(long chatId, long retryAfterSeconds) {
        api.limiter.force(chatId, retryAfterSeconds);
    }

    /** The next call of any method except getUpdates gets a non-JSON body, like a proxy's error page. */
    public void failNextRaw(int httpStatus, String body) {
        api.failNext(FakeTelegramReply.raw(httpStatus, body));
    }

    /** Replaces the rate limits (defaults: {@link FakeTelegramRateLimits#DEFAULT}); resets their counters' state. */
    public void rateLimits(FakeTelegramRateLimits limits) {
        api.limiter.configure(limits);
    }

    // ---- what happened ---------------------------------------------------------------------------------------

    public List<SentMessage> messagesTo(long chatId) {
        return allMessages().stream().filter(m -> m.chatId() == chatId).toList();
    }

    /** Waits until at least {@code count} messages went to the chat or the timeout passes; returns them all. */
    public List<SentMessage> awaitMessages(long chatId, int count, Duration timeout) {
        try {
            return api.awaitSent(chatId, count, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return messagesTo(chatId);
        }
    }

    public List<SentMessage> allMessages() {
        return api.sent();
    }

    /** How many 429 answers were given. */
    public int rateLimitedCount() {
        return api.limiter.hits().size();
    }

    /** Every 429 answer, in order. */
    public List<RateLimitHit> rateLimitHits() {
        return api.limiter.hits();
    }

    /** Makes every 429 ask for at least {@code seconds} (default 1). */
    public void minimumRetryAfter(long seconds) {
        api.limiter.minimumRetryAfter(seconds);
    }

    /** How many chats are inside a {@code retry_after} window this moment. */
    public int openRetryWindows() {
        return api.limiter.openRetryWindows();
    }

    /** How many sends to a chat arrived while that chat's {@code retry_after} window was still open. */
    public int sendsInsideRetryWindow() {
        return api.limiter.sendsInsideRetryWindow();
    }

    /** The commands of the last successful {@code setMyCommands}. */
    public List<Command> commands() {
        return api.commands();
    }

    /** The bot's answers to button presses, in order. */
    public List<CallbackAnswer> callbackAnswers() {
        return api.callbackAnswers();
    }

    /** Waits until {@code count} button presses were answered or the timeout passes; returns the answers. */
    public List<CallbackAnswer> awaitCallbackAnswers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (callbackAnswers().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return callbackAnswers();
    }

    /** The latest callback answer the bot gave. */
    public CallbackAnswer lastCallbackAnswer() {
        List<CallbackAnswer> answers = callbackAnswers();
        return answers.get(answers.size() - 1);
    }

    /** The message as it stands now, its buttons edited or not. */
    public SentMessage current(SentMessage message) {
        return messagesTo(message.chatId()).stream().filter(m -> m.messageId() == message.messageId()).findFirst()
                .orElseThrow();
    }

    /** Waits until the message's buttons carry {@code expected} or the time is up; returns what they carry then. */
    public List<String> awaitButtons(SentMessage message, List<String> expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!current(message).callbackData().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return current(message).callbackData();
    }

    /** How many {@code editMessageReplyMarkup} calls were accepted. */
    public int editCount() {
        return api.edits();
    }

    /** Callback query ids the bot answered. */
    public List<String> answeredCallbackQueries() {
        return api.answeredCallbackQueries();
    }

    /** How often a method was called (any case), whatever the answer. */
    public int callCount(String method) {
        return api.callCount(method);
    }

    /** How many getUpdates calls are being held open right now (waiting for an update). */
    public int heldGetUpdates() {
        return api.updates.held();
    }

    /** How many held getUpdates calls were ended by a newer one (409 Conflict). */
    public int getUpdatesConflicts() {
        return api.updates.conflicts();
    }

    // ---- webhook mode ----------------------------------------------------------------------------------------

    /** The URL of the webhook set now, if any. */
    public Optional<String> webhookUrl() {
        return api.webhook.url();
    }

    /** The {@code secret_token} of the webhook set now, if any. */
    public Optional<String> webhookSecret() {
        return api.webhook.secret();
    }

    /** The {@code allowed_updates} of the webhook set now, as JSON text ("" when none). */
    public String webhookAllowedUpdates() {
        return api.webhook.info().path("allowed_updates").toString();
    }

    /** How many {@code setWebhook} / {@code deleteWebhook} calls succeeded. */
    public int webhookSets() {
        return api.webhook.sets();
    }

    public int webhookDeletes() {
        return api.webhook.deletes();
    }

    /** One POST of an update to the webhook and the HTTP status it got (0: unreachable). */
    public record WebhookDelivery(long updateId, int status) {
    }

    /** Every POST made to the webhook, in order. */
    public List<WebhookDelivery> webhookDeliveries() {
        return api.webhook.deliveries().stream().map(d -> new WebhookDelivery(d.updateId(), d.status())).toList();
    }

    /** Waits until {@code count} POSTs were answered 2xx or the timeout passes; returns every POST. */
    public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (webhookDeliveries().stream().filter(d -> d.status() / 100 == 2).count() < count
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return webhookDeliveries();
    }

    /** POSTs an update that was already delivered once more, as Telegram does when an answer came late. */
    public int redeliverToWebhook(long updateId) {
        return api.webhook.deliverAgain(updateId);
    }

    /** Releases held getUpdates calls and stops the server. */
    @Override
    public void close() {
        api.webhook.close();
        api.updates.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long botIdOf(String token) {
        int colon = token.indexOf(':');
        String prefix = colon < 0 ? "" : token.substring(0, colon);
        return prefix.matches("\\d{1,15}") ? Long.parseLong(prefix) : 424242L;
    }
}
