package io.herald.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.request.SocketModeEnvelope;
import io.herald.chat.CommandHandler;
import io.herald.deliver.SendFailure;
import io.herald.deliver.slack.SlackSender;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack over Socket Mode (no public URL needed): the SDK's Socket Mode client on the Java-WebSocket backend, with the
 * URL from {@code apps.connections.open} for the app-level token. Every envelope is acknowledged within 3 s: a slash
 * command with its answer as the ack's payload when the answer is ready within {@link #ANSWER_WITHIN} (else with an
 * empty ack and the answer as an ephemeral message), a button press or an event at once, with the work done after.
 * An envelope Slack delivers again after a dropped connection is acknowledged again but handled only once. The SDK
 * reconnects after a {@code disconnect} request and, through its session monitor, after a dropped connection; if
 * Slack cannot be reached at start, connecting is retried in the background with a backoff of 1 s doubling to 60 s.
 */
public final class SlackSocketMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration ANSWER_WITHIN = Duration.ofMillis(2_000);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Set<String> REFUSED_TOKEN = Set.of("invalid_auth", "not_authed", "not_allowed_token_type",
            "account_inactive", "token_revoked");
    private static final int REMEMBERED = 1_000;

    private final SlackSender slack;
    private final String appToken;
    private final CommandHandler handler;
    private final SlackInteractions interactions;
    private final ScheduledExecutorService timer;
    private final Map<String, String> answered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile SocketModeClient client;
    private volatile boolean closed;

    public SlackSocketMode(SlackSender slack, String appToken, CommandHandler handler,
                           SlackInteractions interactions) {
        this.slack = slack;
        this.appToken = appToken;
        this.handler = handler;
        this.interactions = interactions;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-slack-socket");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects. A refused app-level token is a start failure; any other problem is retried in the background.
     *
     * @throws IllegalStateException when Slack refuses {@code SLACK_APP_TOKEN}
     */
    public void start() {
        try {
            connect();
        } catch (SendFailure e) {
            if (e.isPermanent()) {
                throw new IllegalStateException("slack: SLACK_APP_TOKEN was refused for Socket Mode: "
                        + e.getMessage(), e);
            }
            LOG.warn("{}; trying again in the background", e.getMessage());
            retry(Duration.ofSeconds(1));
        }
    }

    private synchronized void connect() throws SendFailure {
        if (closed) {
            return;
        }
        AppsConnectionsOpenResponse open = slack.call("slack: cannot open a Socket Mode connection",
                () -> slack.slack().methods(appToken).appsConnectionsOpen(r -> r));
        try {
            SocketModeClient c = new SocketModeClientJavaWSImpl(slack.slack(), appToken, open.getUrl());
            c.addSlashCommandsEnvelopeListener(e -> onSlashCommand(e, payload(e)));
            c.addInteractiveEnvelopeListener(e -> onInteraction(e, payload(e)));
            c.addEventsApiEnvelopeListener(e -> onEvent(e, payload(e)));
            c.addWebSocketCloseListener((code, reason) -> {
                if (!closed) {
                    LOG.info("slack: Socket Mode connection closed ({} {}); reconnecting", code, reason);
                }
            });
            client = c;
            c.connect();
            if (closed) {
                c.close();
                return;
            }
            LOG.info("slack: connected over Socket Mode");
        } catch (URISyntaxException | IOException e) {
            throw SendFailure.transientFailure("slack: Socket Mode URL not usable: " + e.getMessage(), e);
        }
    }

    private void retry(Duration wait) {
        if (closed) {
            return;
        }
        timer.schedule(() -> {
            try {
                connect();
            } catch (SendFailure e) {
                Duration next = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
                LOG.warn("{}; trying again in {} s", e.getMessage(), next.toSeconds());
                retry(next);
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static JsonNode payload(SocketModeEnvelope envelope) {
        try {
            return envelope.getPayload() == null ? JSON.createObjectNode()
                    : JSON.readTree(envelope.getPayload().toString());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Answers with the ack when the router is quick, else acks empty and sends the answer as an ephemeral. */
    private void onSlashCommand(SocketModeEnvelope envelope, JsonNode payload) {
        String id = envelope.getEnvelopeId();
        String before = remembered(id);
        if (before != null) {
            ack(id, before.isEmpty() ? null : SlackCommandEndpoint.ephemeral(before));
            return;
        }
        String channel = payload.path("channel_id").asText("");
        String user = payload.path("user_id").asText("");
        AtomicBoolean acked = new AtomicBoolean();
        timer.schedule(() -> {
            if (acked.compareAndSet(false, true)) {
                ack(id, null);
            }
        }, ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        interactions.submit("slash command in " + channel, () -> {
            String answer = SlackCommandEndpoint.answer(handler, channel, user, payload.path("text").asText(""));
            remember(id, answer);
            if (acked.compareAndSet(false, true)) {
                ack(id, SlackCommandEndpoint.ephemeral(answer));
            } else {
                slack.postEphemeralMrkdwn(channel, user, answer);
            }
        });
    }

    private void onInteraction(SocketModeEnvelope envelope, JsonNode payload) {
        ack(envelope.getEnvelopeId(), null);
        if (remembered(envelope.getEnvelopeId()) == null && "block_actions".equals(payload.path("type").asText())) {
            remember(envelope.getEnvelopeId(), "");
            interactions.handleLater(payload);
        }
    }

    private void onEvent(SocketModeEnvelope envelope, JsonNode payload) {
        ack(envelope.getEnvelopeId(), null);
        JsonNode event = payload.path("event");
        if (remembered(envelope.getEnvelopeId()) == null && "app_home_opened".equals(event.path("type").asText())
                && "home".equals(event.path("tab").asText("home"))) {
            remember(envelope.getEnvelopeId(), "");
            interactions.publishHomeLater(event.path("user").asText(""));
        }
    }

    private synchronized String remembered(String envelopeId) {
        return answered.get(envelopeId);
    }

    private synchronized void remember(String envelopeId, String answer) {
        answered.put(envelopeId, answer);
    }

    private void ack(String envelopeId, ObjectNode payload) {
        ObjectNode ack = JSON.createObjectNode().put("envelope_id", envelopeId);
        if (payload != null) {
            ack.set("payload", payload);
        }
        try {
            client.sendSocketModeResponse(ack.toString());
        } catch (RuntimeException e) {
            LOG.warn("slack: cannot acknowledge envelope {} ({}); Slack will send it again", envelopeId, e.toString());
        }
    }

    /** Closes the connection on purpose (no reconnect) and stops this client's threads; never waits for Slack. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("slack: closing the Socket Mode connection: {}", e.toString());
            }
        }
    }
}
