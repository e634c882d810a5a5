package io.herald.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.chat.CommandHandler;
import io.herald.chat.IncomingMessage;
import io.herald.model.Destination;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack interactive buttons over HTTP ("Mute this query", "Unsubscribe"): checks the signature, passes each button's
 * value (a chat command such as {@code /mute 12}) to the shared router, and posts the answer to the request's
 * {@code response_url} as an ephemeral message.
 */
public final class SlackInteractionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInteractionEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackSignature signature;
    private final CommandHandler handler;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SlackInteractionEndpoint(SlackSignature signature, CommandHandler handler) {
        this.signature = signature;
        this.handler = handler;
    }

    public SlackCommandEndpoint.Response handle(String timestamp, String signatureHeader, byte[] rawBody) {
        if (!signature.verify(timestamp, signatureHeader, rawBody)) {
            LOG.warn("slack: refused an interaction request with a missing, wrong or stale signature");
            return new SlackCommandEndpoint.Response(401, "{\"error\":\"invalid signature\"}");
        }
        JsonNode payload;
        try {
            String json = SlackCommandEndpoint.parseForm(new String(rawBody, StandardCharsets.UTF_8))
                    .getOrDefault("payload", "");
            payload = JSON.readTree(json);
        } catch (IOException | IllegalArgumentException e) {
            return new SlackCommandEndpoint.Response(400, "{\"error\":\"malformed payload\"}");
        }
        String channel = payload.path("channel").path("id").asText("");
        if (!channel.matches("[A-Z0-9]{2,20}")) {
            return new SlackCommandEndpoint.Response(400, "{\"error\":\"missing channel\"}");
        }
        String user = payload.path("user").path("id").asText("");
        for (JsonNode action : payload.path("actions")) {
            String value = action.path("value").asText("");
            if (value.startsWith("/")) {
                String reply = handler.handle(new IncomingMessage(Destination.slack(channel), user, value));
                respond(payload.path("response_url").asText(""), reply);
            }
        }
        return new SlackCommandEndpoint.Response(200, "{}");
    }

    private void respond(String responseUrl, String text) {
        String lower = responseUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            LOG.warn("slack: interaction without a usable response_url; answer not shown: {}", text);
            return;
        }
        String mrkdwn = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String body = JSON.createObjectNode().put("response_type", "ephemeral").put("replace_original", false)
                .put("text", mrkdwn).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null || r.statusCode() / 100 != 2) {
                LOG.warn("slack: cannot post the button answer: {}", e != null ? e.getMessage() : "HTTP " + r.statusCode());
            }
        });
    }
}
