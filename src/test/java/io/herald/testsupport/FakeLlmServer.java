package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} endpoint on 127.0.0.1 for tests. It records each request
 * (its Authorization header and JSON body) and answers with a chat completion holding the configured text, or with
 * whatever status and body a test sets; an optional delay makes it slow. Thread-safe.
 */
public final class FakeLlmServer implements AutoCloseable {
    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Request(String method, Optional<String> authorization, JsonNode body) {
        /** The content of the message with this role ({@code system} or {@code user}). */
        public String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (role.equals(m.path("role").asText())) {
                    return m.path("content").asText();
                }
            }
            return "";
        }
    }

    private record Reply(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply reply = completion("A summary.");
    private volatile Duration delay = Duration.ZERO;

    private FakeLlmServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeLlmServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "fake-llm");
                t.setDaemon(true);
                return t;
            });
            FakeLlmServer fake = new FakeLlmServer(http, executor);
            http.createContext("/", fake::handle);
            http.setExecutor(executor);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake LLM server", e);
        }
    }

    /** The chat-completions URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Answers 200 with a chat completion whose first choice says {@code content}. */
    public void answer(String content) {
        reply = completion(content);
    }

    /** Answers with this status and body. */
    public void respond(int status, String contentType, String body) {
        reply = new Reply(status, contentType, body);
    }

    /** Waits this long before answering. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Reply completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "fake");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        return new Reply(200, "application/json", root.toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                body = JSON.createObjectNode();
            }
            requests.add(new Request(exchange.getRequestMethod(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")), body));
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                send(exchange, new Reply(404, "application/json", "{\"error\":{\"message\":\"not found\"}}"));
                return;
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(exchange, reply);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
