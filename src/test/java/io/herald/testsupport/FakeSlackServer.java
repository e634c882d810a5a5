package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict Slack Web API on 127.0.0.1 for tests, driven by the real Slack SDK.
 *
 * <p>Answers {@code POST /api/<method>} with form-encoded or JSON bodies, checks the bearer token, knows
 * {@code auth.test}, {@code chat.postMessage}, {@code chat.update}, {@code chat.postEphemeral},
 * {@code views.publish}, {@code users.conversations}, {@code conversations.info} (with {@code is_member}) and (with {@link #enableSocketMode}) {@code apps.connections.open}
 * for the app-level token, validates messages and blocks like Slack (see {@link FakeSlackBlockValidator}) and
 * rate-limits posts per channel with HTTP 429 and {@code Retry-After}. Channels must be declared with
 * {@link #addChannel(String)}.
 */
public final class FakeSlackServer implements AutoCloseable {

    /** Slack cuts or refuses {@code text} above this many characters. */
    public static final int MAX_TEXT = 40_000;

    private final String botToken;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final FakeSlackResponses responses = new FakeSlackResponses(json);
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Set<String> archived = ConcurrentHashMap.newKeySet();
    private final Set<String> notMember = ConcurrentHashMap.newKeySet();
    private final FakeSlackRateLimiter rateLimiter = new FakeSlackRateLimiter(3, Duration.ofSeconds(1),
            System::nanoTime);
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final List<PostedMessage> messages = new ArrayList<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final FakeSlackMethods interactive = new FakeSlackMethods(json, responses, channels, messages);
    private volatile String appToken;
    private volatile FakeSlackSocketMode socketMode;

    private FakeSlackServer(String botToken) throws IOException {
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free loopback port that accepts only {@code botToken}. */
    public static FakeSlackServer start(String botToken) {
        TestSecrets.record(botToken);
        try {
            return new FakeSlackServer(botToken);
        } catch (IOException e) {
            throw new UncheckedIOException("fake slack: cannot start", e);
        }
    }

    /** The Web API base URL, ending with {@code /}, e.g. {@code http://127.0.0.1:PORT/api/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /**
     * Turns on Socket Mode for the app-level token: {@code apps.connections.open} answers with a URL of the returned
     * local Socket Mode server (closed with this server).
     */
    public synchronized FakeSlackSocketMode enableSocketMode(String appLevelToken) {
        if (socketMode == null) {
            appToken = Objects.requireNonNull(appLevelToken, "appLevelToken");
            TestSecrets.record(appLevelToken);
            socketMode = new FakeSlackSocketMode();
        }
        return socketMode;
    }

    /** Makes {@code users.conversations} list these channels for the user. */
    public FakeSlackServer memberOf(String user, String... channelIds) {
        interactive.memberOf(user, List.of(channelIds));
        return this;
    }

    /** The text of every ephemeral message posted to the user in the channel, oldest first. */
    public List<String> ephemeralsTo(String channel, String user) {
        return interactive.ephemerals().stream().filter(e -> e.channel().equals(channel) && e.user().equals(user))
                .map(FakeSlackMethods.Ephemeral::text).toList();
    }

    /** Waits until the user has {@code n} ephemeral messages in the channel; returns their texts. */
    public List<String> awaitEphemerals(String channel, String user, int n, Duration timeout)
            throws InterruptedException {
        interactive.await(() -> ephemeralsTo(channel, user).size() >= n, System.nanoTime() + timeout.toNanos());
        return ephemeralsTo(channel, user);
    }

    /** The user's App Home view as last published, or null. */
    public JsonNode homeView(String user) {
        return interactive.homeView(user);
    }

    /** Waits until the user's App Home view satisfies the check; returns the view (null if never published). */
    public JsonNode awaitHomeView(String user, java.util.function.Predicate<JsonNode> check, Duration timeout)
            throws InterruptedException {
        interactive.await(() -> homeView(user) != null && check.test(homeView(user)),
                System.nanoTime() + timeout.toNanos());
        return homeView(user);
    }

    /** How many {@code chat.update} calls were accepted. */
    public int updateCount() {
        return interactive.updates();
    }

    /** Declares a channel the bot is a member of. */
    public FakeSlackServer addChannel(String id) {
        channels.add(id);
        return this;
    }

    /** Declares an archived channel: posts get {@code is_archived}. */
    public FakeSlackServer archive(String id) {
        channels.add(id);
        archived.add(id);
        return this;
    }

    /** Declares a channel the bot is not in: posts get {@code not_in_channel}. */
    public FakeSlackServer notMember(String id) {
        channels.add(id);
        notMember.add(id);
        return this;
    }

    /** Posts per channel: {@code burst} at once, then one every {@code interval}. Resets all buckets. */
    public FakeSlackServer rateLimit(int burst, Duration interval) {
        rateLimiter.configure(burst, interval);
        return this;
    }

    /** The next request (any method) is answered with this HTTP status instead of being handled. */
    public void failNext(int httpStatus) {
        synchronized (failures) {
            failures.add(httpStatus);
        }
    }

    /** Messages accepted for the channel, oldest first. */
    public List<PostedMessage> messagesTo(String channel) {
        return allMessages().stream().filter(m -> m.channel().equals(channel)).toList();
    }

    /** Every accepted message, oldest first. */
    public List<PostedMessage> allMessages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Waits until the channel holds at least {@code n} messages and returns them; fails after the timeout. */
    public List<PostedMessage> awaitMessages(String channel, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (true) {
                List<PostedMessage> found = messages.stream().filter(m -> m.channel().equals(channel)).toList();
                if (found.size() >= n) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("fake slack: expected " + n + " messages in " + channel + " within "
                            + timeout + ", got " + found.size());
                }
                waitNanos(left);
            }
        }
    }

    /** How many requests were answered with HTTP 429 (by the per-channel rate limit or {@link #failNext}). */
    public int rateLimitedCount() {
        return rateLimited.get();
    }

    /** How many HTTP requests arrived, whatever their outcome. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (socketMode != null) {
            socketMode.close();
        }
    }

    private void waitNanos(long nanos) {
        try {
            messages.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("fake slack: interrupted while waiting", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer failure;
            synchronized (failures) {
                failure = failures.poll();
            }
            if (failure != null) {
                if (failure == 429) {
                rateLimited.incrementAndGet();
            }
            responses.failure(exchange, failure);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/api/") || path.length() == "/api/".length()) {
                FakeSlackResponses.raw(exchange, 404, "text/plain", "not found");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                FakeSlackResponses.raw(exchange, 405, "text/plain", "method not allowed");
                return;
            }
            route(exchange, path.substring("/api/".length()), body);
        }
    }

    private void route(HttpExchange exchange, String method, byte[] body) throws IOException {
        FakeSlackRequest request;
        try {
            request = FakeSlackRequest.parse(method, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, json);
        } catch (FakeSlackRequest.BadRequest e) {
            responses.json(exchange, 200, responses.error(e.error()));
            return;
        }
        String token = request.token().orElse("");
        boolean appLevel = appToken != null && appToken.equals(token);
        if (token.isEmpty()) {
            responses.json(exchange, 200, responses.error("not_authed"));
        } else if (method.equals("apps.connections.open")) {
            responses.json(exchange, 200, appLevel ? json.createObjectNode().put("ok", true)
                    .put("url", socketMode.issueUrl()) : responses.error(botToken.equals(token)
                    ? "not_allowed_token_type" : "invalid_auth"));
        } else if (appLevel) {
            responses.json(exchange, 200, responses.error("not_allowed_token_type"));
        } else if (!botToken.equals(token)) {
            responses.json(exchange, 200, responses.error("invalid_auth"));
        } else {
            JsonNode answer = interactive.call(request);
            switch (method) {
                case "auth.test" -> responses.json(exchange, 200, responses.authTest());
                case "conversations.info" -> responses.json(exchange, 200, conversationInfo(request));
                case "chat.postMessage" -> postMessage(exchange, request);
                default -> responses.json(exchange, 200, answer != null ? answer
                        : responses.error("unknown_method").put("req_method", method));
            }
        }
    }

    /**
     * {@code conversations.info} as Slack answers it: {@code channel_not_found} for an unknown channel, and for a
     * private channel ({@code G...}) the bot is not in (it cannot see it); otherwise the conversation with
     * {@code is_member}, {@code is_archived} and its kind.
     */
    private ObjectNode conversationInfo(FakeSlackRequest request) {
        String id = request.text("channel").orElse("");
        if (id.isEmpty()) {
            return responses.error("channel_not_found");
        }
        if (!channels.contains(id) || id.startsWith("G") && notMember.contains(id)) {
            return responses.error("channel_not_found");
        }
        ObjectNode answer = json.createObjectNode().put("ok", true);
        ObjectNode channel = answer.putObject("channel").put("id", id).put("name", id.toLowerCase(java.util.Locale.ROOT))
                .put("created", 1449252889L).put("is_channel", id.startsWith("C")).put("is_group", id.startsWith("G"))
                .put("is_im", id.startsWith("D")).put("is_mpim", false).put("is_private", !id.startsWith("C"))
                .put("is_archived", archived.contains(id)).put("is_general", false);
        if (!id.startsWith("D")) {
            channel.put("is_member", !notMember.contains(id));
        }
        return answer;
    }

    private void postMessage(HttpExchange exchange, FakeSlackRequest request) throws IOException {
        FakeSlackPostMessage.Outcome outcome = new FakeSlackPostMessage(json, channels, archived, notMember,
                rateLimiter).handle(request);
        if (outcome.retryAfterSeconds() > 0) {
            rateLimited.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            responses.json(exchange, 429, responses.error("ratelimited"));
        } else if (outcome.error() != null) {
            ObjectNode answer = responses.error(outcome.error());
            if (!outcome.problems().isEmpty()) {
                outcome.problems().forEach(answer.putArray("errors")::add);
            }
            responses.json(exchange, 200, answer);
        } else {
            String ts = String.format("%d.%06d", System.currentTimeMillis() / 1000, sequence.incrementAndGet());
            PostedMessage message = new PostedMessage(outcome.channel(), outcome.text(), outcome.blocks(), ts);
            synchronized (messages) {
                messages.add(message);
                messages.notifyAll();
            }
            responses.json(exchange, 200, responses.posted(message));
        }
    }

    /**
     * A message the fake accepted.
     *
     * @param channel the channel id
     * @param text    the {@code text} argument (empty when only blocks were sent)
     * @param blocks  the blocks as JSON (an empty array when none were sent)
     * @param ts      the timestamp the fake gave it
     */
    public record PostedMessage(String channel, String text, JsonNode blocks, String ts) {

        /** The text argument followed by every {@code text} string inside the blocks, one per line. */
        public String allText() {
            StringBuilder all = new StringBuilder(text);
            collectTexts(blocks, all);
            return all.toString();
        }

        private static void collectTexts(JsonNode node, StringBuilder into) {
            if (node.isArray()) {
                node.forEach(child -> collectTexts(child, into));
            } else if (node.isObject()) {
                node.properties().forEach(e -> {
                    if (e.getKey().equals("text") && e.getValue().isTextual()) {
                        into.append('\n').append(e.getValue().asText());
                    } else {
                        collectTexts(e.getValue(), into);
                    }
                });
            }
        }
    }
}
