package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.chat.slack.SlackSignature;
import io.herald.config.Admins;
import io.herald.config.FeedConfig;
import io.herald.config.HeraldConfig;
import io.herald.config.Settings;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FeedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics and signed Slack slash commands on HERALD_HTTP_PORT, through the real wiring. */
class HttpEndpointsTest {
    private static final String SECRET = "test-signing-secret";
    private static final String SLACK_TOKEN = "xoxb-1111-2222-testtoken";
    private static final String CHANNEL = "C0999ZZZZ";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void slackSlashCommandsSubscribeAChannelAndItsAlertsArrive() throws Exception {
        try (FakeSlackServer slack = FakeSlackServer.start(SLACK_TOKEN); FeedServer feeds = FeedServer.start();
             ServerSocket responseUrl = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            slack.addChannel(CHANNEL);
            feeds.publish("/w.xml", "application/rss+xml", HeraldEndToEndTest.rss());
            // A request may name any response_url; Herald answers in the HTTP response and never connects to it.
            String hook = java.net.URLEncoder.encode("http://127.0.0.1:" + responseUrl.getLocalPort() + "/hook",
                    StandardCharsets.UTF_8);
            int port = freePort();
            Settings settings = Settings.fromEnv(Map.of("HERALD_DB", dir.resolve("h.db").toString(),
                    "SLACK_BOT_TOKEN", SLACK_TOKEN, "SLACK_API_URL", slack.apiUrl(),
                    "SLACK_SIGNING_SECRET", SECRET, "HERALD_HTTP_PORT", Integer.toString(port)));
            HeraldConfig config = new HeraldConfig(List.of(new FeedConfig("world", feeds.url("/w.xml"),
                    Duration.ofSeconds(1))), List.of(), Admins.NONE, Duration.ofMinutes(10), true);
            try (HeraldService herald = HeraldService.start(settings, config,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
                String form = "team_id=T1&channel_id=" + CHANNEL + "&user_id=U0HTTPUSER&command=%2Fherald"
                        + "&text=subscribe+kursk&response_url=" + hook;
                HttpResponse<String> unsigned = post(port, form, "1", "v0=deadbeef");
                assertThat(unsigned.statusCode()).isEqualTo(401);

                long now = Clock.systemUTC().instant().getEpochSecond();
                String sig = new SlackSignature(SECRET, Clock.systemUTC()).sign(now, form.getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> signed = post(port, form, Long.toString(now), sig);
                assertThat(signed.statusCode()).isEqualTo(200);
                assertThat(signed.body()).contains("\"response_type\":\"ephemeral\"").contains("Subscribed (#1): `kursk`\\nI'll send you new stories that match. /herald list shows");
                responseUrl.setSoTimeout(1000);
                assertThat(acceptsWithinTimeout(responseUrl)).as("a connection to the request's response_url").isFalse();

                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!herald.feeds().find("world").map(s -> s.initialized()).orElse(false)) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(50);
                }
                feeds.publish("/w.xml", "application/rss+xml", HeraldEndToEndTest.rss(HeraldEndToEndTest.item(
                        "k1", "Kursk: evacuations", "https://news.example.org/k1", "Buses left at dawn.")));
                var alert = slack.awaitMessages(CHANNEL, 1, Duration.ofSeconds(20));
                assertThat(alert).singleElement().satisfies(m -> assertThat(m.allText()).contains("Kursk: evacuations"));

                String mute = alert.get(0).blocks().findValues("value").stream().map(v -> v.asText())
                        .filter(v -> v.startsWith("/mute ")).findFirst().orElseThrow();
                String ts = alert.get(0).ts();
                long deadlineSent = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (herald.outbox().findSent(io.herald.model.Destination.slack(CHANNEL), ts).isEmpty()) {
                    assertThat(System.nanoTime()).as("alert recorded as sent").isLessThan(deadlineSent);
                    Thread.sleep(50);
                }
                String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0HTTPUSER\"},\"channel\":{\"id\":\""
                        + CHANNEL + "\"},\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts
                        + "\"},\"response_url\":\"http://127.0.0.1:" + responseUrl.getLocalPort() + "/hook"
                        + "\",\"actions\":[{\"action_id\":\"herald_mute\",\"value\":\"" + mute + "\"}]}";
                String body = "payload=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8);
                long now2 = Clock.systemUTC().instant().getEpochSecond();
                String bodySig = new SlackSignature(SECRET, Clock.systemUTC())
                        .sign(now2, body.getBytes(StandardCharsets.UTF_8));
                assertThat(postTo(port, "/slack/interactions", body, Long.toString(now2), "v0=00").statusCode())
                        .isEqualTo(401);
                assertThat(postTo(port, "/slack/interactions", body, Long.toString(now2), bodySig).statusCode())
                        .isEqualTo(200);
                assertThat(slack.awaitEphemerals(CHANNEL, "U0HTTPUSER", 1, Duration.ofSeconds(10)))
                        .singleElement().asString().startsWith("Muted: kursk");
                assertThat(herald.subscriptions().active()).isEmpty();
                assertThat(slack.updateCount()).as("the alert changed in place").isEqualTo(1);
                assertThat(acceptsWithinTimeout(responseUrl)).as("a connection to the press's response_url").isFalse();

                HttpResponse<String> health = awaitHealth(port, "\"feeds\":1");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"feeds\":1");
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body()).contains("herald_alerts_total{platform=\"slack\",status=\"sent\"} 1.0")
                        .contains("herald_polls_total{outcome=\"ok\"}").contains("jvm_memory_used_bytes");
            }
        }
    }

    @Test
    void metricsWantTheTokenWhenOneIsSetAndUnknownPathsAre404() throws Exception {
        try (FeedServer feeds = FeedServer.start()) {
            feeds.publish("/w.xml", "application/rss+xml", HeraldEndToEndTest.rss());
            int port = freePort();
            Settings settings = Settings.fromEnv(Map.of("HERALD_DB", dir.resolve("h.db").toString(),
                    "HERALD_HTTP_PORT", Integer.toString(port), "HERALD_METRICS_TOKEN", "scrape-me"));
            HeraldConfig config = new HeraldConfig(List.of(new FeedConfig("world", feeds.url("/w.xml"),
                    Duration.ofSeconds(1))), List.of(), Admins.NONE, Duration.ofMinutes(10), true);
            try (HeraldService herald = HeraldService.start(settings, config,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
                HttpResponse<String> anonymous = get(port, "/metrics", null);
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(anonymous.body()).doesNotContain("jvm_").doesNotContain("scrape-me");
                assertThat(get(port, "/metrics", "Bearer wrong").statusCode()).isEqualTo(401);
                HttpResponse<String> scraped = get(port, "/metrics", "Bearer scrape-me");
                assertThat(scraped.statusCode()).isEqualTo(200);
                assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                        assertThat(t).startsWith("text/plain; version=0.0.4"));
                assertThat(scraped.body()).contains("jvm_memory_used_bytes").contains("herald_outbox_alerts");

                HttpResponse<String> live = get(port, "/health/live", null);
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.body()).contains("\"status\":\"ok\"");
                assertThat(get(port, "/health/ready", null).body()).contains("\"workers\":{\"delivery\":\"running\"");
                HttpResponse<String> unknown = get(port, "/admin", null);
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.body()).isEqualTo("{\"error\":\"no such path\"}");
                assertThat(get(port, "/slack/commands", null).statusCode()).as("GET on a POST path").isEqualTo(405);
            }
        }
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** /health as soon as it shows {@code expected} (the feed counts come from a check every few seconds). */
    private HttpResponse<String> awaitHealth(int port, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            if (health.body().contains(expected) || System.nanoTime() > deadline) {
                return health;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> post(int port, String form, String timestamp, String signature) throws Exception {
        return postTo(port, "/slack/commands", form, timestamp, signature);
    }

    private HttpResponse<String> postTo(int port, String path, String form, String timestamp, String signature)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean acceptsWithinTimeout(ServerSocket server) throws Exception {
        try (java.net.Socket ignored = server.accept()) {
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
