package io.herald.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.chat.slack.SlackCommandEndpoint;
import io.herald.chat.slack.SlackInteractionEndpoint;
import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional HTTP server on {@code HERALD_HTTP_PORT}: {@code GET /health} (JSON), {@code GET /metrics}
 * (Prometheus text) and, when {@code SLACK_SIGNING_SECRET} is set, {@code POST /slack/commands}.
 */
final class HttpEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final FeedStore feeds;
    private final OutboxStore outbox;
    private final Optional<SlackCommandEndpoint> slack;
    private final Optional<SlackInteractionEndpoint> slackButtons;

    HttpEndpoints(int port, FeedStore feeds, OutboxStore outbox, Optional<SlackCommandEndpoint> slack,
                  Optional<SlackInteractionEndpoint> slackButtons) throws IOException {
        this.feeds = feeds;
        this.outbox = outbox;
        this.slack = slack;
        this.slackButtons = slackButtons;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "herald-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/health", this::health);
        server.createContext("/metrics", this::metrics);
        server.createContext("/slack/commands", ex -> slackPost(ex, slack.map(e -> e::handle)));
        server.createContext("/slack/interactions", ex -> slackPost(ex, slackButtons.map(e -> e::handle)));
        server.start();
        LOG.info("http: listening on port {} (/health, /metrics{})", port(),
                slack.isPresent() ? ", /slack/commands, /slack/interactions" : "");
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange ex) throws IOException {
        List<FeedState> states = feeds.all();
        Map<OutboxEntry.Status, Integer> counts = outbox.counts();
        ObjectNode body = new ObjectMapper().createObjectNode();
        long failing = states.stream().filter(s -> s.consecutiveErrors() > 0).count();
        body.put("status", "ok");
        body.put("feeds", states.size());
        body.put("feedsFailing", failing);
        body.put("alertsPending", counts.get(OutboxEntry.Status.PENDING));
        body.put("alertsFailed", counts.get(OutboxEntry.Status.FAILED));
        reply(ex, 200, "application/json", body.toString());
    }

    private void metrics(HttpExchange ex) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# TYPE herald_outbox_alerts gauge\n");
        outbox.counts().forEach((status, n) -> sb.append("herald_outbox_alerts{status=\"")
                .append(status.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ").append(n).append('\n'));
        sb.append("# TYPE herald_feed_consecutive_errors gauge\n");
        for (FeedState s : feeds.all()) {
            sb.append("herald_feed_consecutive_errors{feed=\"").append(s.feedId()).append("\"} ")
                    .append(s.consecutiveErrors()).append('\n');
        }
        reply(ex, 200, "text/plain; version=0.0.4", sb.toString());
    }

    private void slackPost(HttpExchange ex, Optional<SlackHandler> handler) throws IOException {
        if (handler.isEmpty()) {
            reply(ex, 404, "application/json", "{\"error\":\"set SLACK_SIGNING_SECRET to accept Slack requests\"}");
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 405, "application/json", "{\"error\":\"POST only\"}");
            return;
        }
        byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            reply(ex, 413, "application/json", "{\"error\":\"body too large\"}");
            return;
        }
        var headers = ex.getRequestHeaders();
        SlackCommandEndpoint.Response r = handler.get().handle(headers.getFirst("X-Slack-Request-Timestamp"),
                headers.getFirst("X-Slack-Signature"), body);
        reply(ex, r.status(), "application/json", r.json());
    }

    /** A signed Slack request handler. */
    @FunctionalInterface
    interface SlackHandler {
        SlackCommandEndpoint.Response handle(String timestamp, String signature, byte[] body);
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
