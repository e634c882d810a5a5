package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode server on 127.0.0.1 for tests: the URLs {@code apps.connections.open} hands out (one-use
 * tickets), a {@code hello} on every connection, envelopes ({@code slash_commands}, {@code interactive},
 * {@code events_api}) delivered to the newest connection, and strict checks of the acknowledgements: every envelope
 * must be acked with its {@code envelope_id} within 3 s, once; a late or missing ack, an ack for an unknown id and a
 * response payload where none is accepted are recorded as violations. Envelopes that were not acked on a connection
 * that dropped are delivered again on the next one (with {@code retry_attempt}); envelopes sent while no client is
 * connected wait for one. The server can drop the socket and send {@code disconnect} like Slack does.
 */
public final class FakeSlackSocketMode implements AutoCloseable {

    /** Slack's deadline for an acknowledgement. */
    public static final Duration ACK_DEADLINE = Duration.ofSeconds(3);
    static final String APP_ID = "A0FAKEAPP";

    /** An acknowledgement the client sent: its envelope, its payload (null when none) and how long it took. */
    public record Ack(String envelopeId, JsonNode payload, Duration after) {
    }

    private static final class Envelope {
        final ObjectNode json;
        WebSocket deliveredOn;
        long deliveredAt;

        Envelope(ObjectNode json) {
            this.json = json;
        }

        String id() {
            return json.get("envelope_id").asText();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Server server;
    private final Set<String> tickets = new HashSet<>();
    private final Map<String, Envelope> unacked = new LinkedHashMap<>();
    private final Deque<Envelope> waiting = new ArrayDeque<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Ack> acks = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private WebSocket current;

    FakeSlackSocketMode() {
        server = new Server();
        server.setReuseAddr(true);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake slack socket mode: did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fake slack socket mode: interrupted while starting", e);
        }
    }

    /** A new one-use WebSocket URL, as {@code apps.connections.open} returns it. */
    synchronized String issueUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + ticket + "&app_id=" + APP_ID;
    }

    // ---- driving the fake ----------------------------------------------------------------------------------

    /** Sends a slash command {@code /herald <text>} typed in a channel; returns the envelope id. */
    public String slashCommand(String channel, String user, String text) {
        ObjectNode payload = json.createObjectNode().put("token", "legacy-verification-token")
                .put("team_id", "T0FAKETEAM").put("channel_id", channel).put("user_id", user)
                .put("command", "/herald").put("text", text)
                .put("response_url", "https://hooks.slack.com/commands/T0FAKETEAM/1/x")
                .put("trigger_id", "trigger-" + UUID.randomUUID());
        return send("slash_commands", payload, true);
    }

    /** Presses a button ({@code action_id}, {@code value}) under a message in a channel; returns the envelope id. */
    public String pressButton(FakeSlackServer.PostedMessage message, String user, String actionId, String value) {
        ObjectNode payload = interaction(user, actionId, value);
        payload.putObject("channel").put("id", message.channel());
        payload.putObject("container").put("type", "message").put("message_ts", message.ts())
                .put("channel_id", message.channel());
        ObjectNode posted = payload.putObject("message").put("type", "message").put("ts", message.ts());
        posted.set("blocks", message.blocks());
        return send("interactive", payload, false);
    }

    /** Presses a button on the user's App Home tab; returns the envelope id. */
    public String pressHomeButton(String user, String actionId, String value) {
        ObjectNode payload = interaction(user, actionId, value);
        payload.putObject("container").put("type", "view").put("view_id", "V0HOME" + user);
        payload.putObject("view").put("id", "V0HOME" + user).put("type", "home");
        return send("interactive", payload, false);
    }

    /** The user opens the bot's App Home tab ({@code app_home_opened}); returns the envelope id. */
    public String openAppHome(String user) {
        ObjectNode payload = json.createObjectNode().put("token", "legacy-verification-token")
                .put("team_id", "T0FAKETEAM").put("api_app_id", APP_ID).put("type", "event_callback")
                .put("event_id", "Ev" + UUID.randomUUID().toString().substring(0, 8))
                .put("event_time", System.currentTimeMillis() / 1000);
        payload.putObject("event").put("type", "app_home_opened").put("user", user).put("channel", "D0" + user)
                .put("tab", "home").put("event_ts", System.currentTimeMillis() / 1000 + ".000100");
        return send("events_api", payload, false);
    }

    /** Drops every connection without a close handshake, as a network failure would. */
    public synchronized void dropConnections() {
        for (WebSocket socket : server.getConnections()) {
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the fake");
        }
    }

    /** Asks the client to reconnect ({@code disconnect}, reason {@code refresh_requested}) on the current socket. */
    public synchronized void requestDisconnect() {
        if (current != null) {
            current.send(json.createObjectNode().put("type", "disconnect").put("reason", "refresh_requested")
                    .set("debug_info", json.createObjectNode().put("host", "fake-slack")).toString());
        }
    }

    // ---- what happened ---------------------------------------------------------------------------------------

    /** How many WebSocket connections were opened with a valid ticket. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Whether a client is connected now. */
    public synchronized boolean connected() {
        return current != null && current.isOpen();
    }

    /** Waits for the acknowledgement of an envelope; fails after the timeout. */
    public Ack awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<Ack> ack = acks.stream().filter(a -> a.envelopeId().equals(envelopeId)).findFirst();
                if (ack.isPresent()) {
                    return ack.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("fake slack socket mode: no ack for " + envelopeId + " within " + timeout);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits until a client is connected on a connection opened after {@code openedBefore} connections. */
    public void awaitConnection(int openedBefore, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(connected() && opened.get() > openedBefore)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fake slack socket mode: no new connection within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Every broken rule so far: late, missing, unknown or repeated acks and payloads where none is accepted. */
    public synchronized List<String> violations() {
        List<String> all = new ArrayList<>(violations);
        long now = System.nanoTime();
        unacked.values().stream().filter(e -> e.deliveredOn != null
                        && now - e.deliveredAt > ACK_DEADLINE.toNanos())
                .forEach(e -> all.add("envelope " + e.id() + " (" + e.json.path("type").asText()
                        + ") was never acknowledged"));
        return all;
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the protocol ----------------------------------------------------------------------------------------

    private ObjectNode interaction(String user, String actionId, String value) {
        ObjectNode payload = json.createObjectNode().put("type", "block_actions").put("api_app_id", APP_ID)
                .put("token", "legacy-verification-token").put("trigger_id", "trigger-" + UUID.randomUUID())
                .put("response_url", "https://hooks.slack.com/actions/T0FAKETEAM/1/x");
        payload.putObject("user").put("id", user).put("team_id", "T0FAKETEAM");
        payload.putObject("team").put("id", "T0FAKETEAM");
        payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "b1").put("value", value).put("action_ts", System.currentTimeMillis() / 1000 + ".1");
        return payload;
    }

    private synchronized String send(String type, ObjectNode payload, boolean acceptsResponsePayload) {
        ObjectNode envelope = json.createObjectNode().put("envelope_id", UUID.randomUUID().toString())
                .put("type", type).put("accepts_response_payload", acceptsResponsePayload).put("retry_attempt", 0)
                .put("retry_reason", "");
        envelope.set("payload", payload);
        Envelope e = new Envelope(envelope);
        unacked.put(e.id(), e);
        if (current != null && current.isOpen()) {
            deliver(e, current);
        } else {
            waiting.add(e);
        }
        return e.id();
    }

    private void deliver(Envelope e, WebSocket socket) {
        e.deliveredOn = socket;
        e.deliveredAt = System.nanoTime();
        socket.send(e.json.toString());
    }

    private synchronized void opened(WebSocket socket, String path) {
        String ticket = path.replaceAll(".*[?&]ticket=([^&]*).*", "$1");
        if (!path.startsWith("/link/") || !tickets.remove(ticket)) {
            socket.close(CloseFrame.POLICY_VALIDATION, "invalid or used ticket");
            return;
        }
        opened.incrementAndGet();
        current = socket;
        ObjectNode hello = json.createObjectNode().put("type", "hello").put("num_connections", 1);
        hello.putObject("debug_info").put("host", "fake-slack").put("build_number", 1)
                .put("approximate_connection_time", 18060);
        hello.putObject("connection_info").put("app_id", APP_ID);
        socket.send(hello.toString());
        while (!waiting.isEmpty()) {
            deliver(waiting.poll(), socket);
        }
    }

    private synchronized void closed(WebSocket socket) {
        if (socket == current) {
            current = null;
        }
        for (Envelope e : unacked.values()) {
            if (e.deliveredOn == socket) {
                e.deliveredOn = null;
                e.json.put("retry_attempt", e.json.path("retry_attempt").asInt() + 1).put("retry_reason", "timeout");
                waiting.add(e);
            }
        }
        if (current != null && current.isOpen()) {
            while (!waiting.isEmpty()) {
                deliver(waiting.poll(), current);
            }
        }
    }

    private synchronized void received(String message) {
        JsonNode ack;
        try {
            ack = json.readTree(message);
        } catch (IOException e) {
            violations.add("not JSON: " + message);
            return;
        }
        String id = ack.path("envelope_id").asText("");
        Envelope e = unacked.remove(id);
        if (e == null) {
            violations.add(acks.stream().anyMatch(a -> a.envelopeId().equals(id)) ? "second ack for envelope " + id
                    : "ack for an unknown envelope id '" + id + "'");
            return;
        }
        Duration after = Duration.ofNanos(System.nanoTime() - e.deliveredAt);
        if (after.compareTo(ACK_DEADLINE) > 0) {
            violations.add("envelope " + id + " acknowledged after " + after.toMillis() + " ms");
        }
        JsonNode payload = ack.get("payload");
        if (payload != null && !payload.isNull() && !e.json.path("accepts_response_payload").asBoolean()) {
            violations.add("envelope " + id + " (" + e.json.path("type").asText() + ") takes no response payload");
        }
        acks.add(new Ack(id, payload, after));
        notifyAll();
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setDaemon(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            opened(conn, handshake.getResourceDescriptor());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closed(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a dropped socket lands here too; the close callback does the bookkeeping
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
