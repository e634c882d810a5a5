package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Socket Mode server's own rules, driven by a plain WebSocket client. */
class FakeSlackSocketModeTest {
    private static final String BOT = "xoxb-9-fake-socket-self-test";
    private static final String APP = "xapp-1-A0FAKEAPP-9-self-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSlackServer slack;
    private FakeSlackSocketMode socket;

    @BeforeEach
    void start() {
        slack = FakeSlackServer.start(BOT).addChannel("C0SELF");
        socket = slack.enableSocketMode(APP);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void opensConnectionsOnlyWithTheAppTokenAndAOneUseTicket() throws Exception {
        assertThat(connectionsOpen(BOT).path("error").asText()).isEqualTo("not_allowed_token_type");
        String url = connectionsOpen(APP).path("url").asText();
        Client first = Client.connect(url);
        assertThat(first.next().path("type").asText()).isEqualTo("hello");
        Client again = Client.connect(url);
        assertThat(again.closed.await(5, TimeUnit.SECONDS)).as("a used ticket is refused").isTrue();
        assertThat(socket.connectionsOpened()).isEqualTo(1);
        first.close();
    }

    @Test
    void recordsLateMissingUnknownRepeatedAndUnwantedAcks() throws Exception {
        Client client = Client.connect(connectionsOpen(APP).path("url").asText());
        client.next();
        String late = socket.slashCommand("C0SELF", "U0SELF", "help");
        String never = socket.slashCommand("C0SELF", "U0SELF", "list");
        String press = socket.openAppHome("U0SELF");
        client.send("{\"envelope_id\":\"" + press + "\",\"payload\":{\"text\":\"no\"}}");
        client.send("{\"envelope_id\":\"" + press + "\"}");
        client.send("{\"envelope_id\":\"made-up\"}");
        Thread.sleep(FakeSlackSocketMode.ACK_DEADLINE.toMillis() + 300);
        client.send("{\"envelope_id\":\"" + late + "\"}");
        socket.awaitAck(late, Duration.ofSeconds(5));

        List<String> violations = socket.violations();
        assertThat(violations).hasSize(5);
        assertThat(String.join("\n", violations)).contains(press + " (events_api) takes no response payload",
                "second ack for envelope " + press, "unknown envelope id 'made-up'", "envelope " + late
                        + " acknowledged after", "envelope " + never + " (slash_commands) was never acknowledged");
        client.close();
    }

    @Test
    void deliversUnackedEnvelopesAgainAfterADropAndQueuesWhileDisconnected() throws Exception {
        Client first = Client.connect(connectionsOpen(APP).path("url").asText());
        first.next();
        String envelope = socket.slashCommand("C0SELF", "U0SELF", "list");
        assertThat(first.next().path("envelope_id").asText()).isEqualTo(envelope);
        socket.dropConnections();
        assertThat(first.closed.await(5, TimeUnit.SECONDS)).isTrue();
        String queued = socket.slashCommand("C0SELF", "U0SELF", "help");

        Client second = Client.connect(connectionsOpen(APP).path("url").asText());
        assertThat(second.next().path("type").asText()).isEqualTo("hello");
        JsonNode again = second.next();
        JsonNode waited = second.next();
        assertThat(again.path("envelope_id").asText()).isEqualTo(envelope);
        assertThat(again.path("retry_attempt").asInt()).isEqualTo(1);
        assertThat(waited.path("envelope_id").asText()).isEqualTo(queued);
        second.send("{\"envelope_id\":\"" + envelope + "\"}");
        second.send("{\"envelope_id\":\"" + queued + "\"}");
        socket.awaitAck(queued, Duration.ofSeconds(5));
        socket.requestDisconnect();
        assertThat(second.next().path("type").asText()).isEqualTo("disconnect");
        assertThat(socket.violations()).isEmpty();
        second.close();
    }

    private JsonNode connectionsOpen(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(slack.apiUrl() + "apps.connections.open"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=" + URLEncoder.encode("1", StandardCharsets.UTF_8)))
                .build();
        return JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A bare WebSocket client that keeps what it receives. */
    private static final class Client extends WebSocketClient {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

        private Client(URI uri) {
            super(uri);
        }

        static Client connect(String url) throws InterruptedException {
            Client c = new Client(URI.create(url));
            c.connectBlocking(5, TimeUnit.SECONDS);
            return c;
        }

        JsonNode next() throws Exception {
            String message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message from the fake").isNotNull();
            return JSON.readTree(message);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            received.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.countDown();
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}
