package io.herald.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack interactive buttons over HTTP (an alert's "Mute this query", "Unsubscribe", "Undo"; the App Home tab's):
 * checks the signature, answers 200 at once and leaves the work to {@link SlackInteractions}.
 */
public final class SlackInteractionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInteractionEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackSignature signature;
    private final SlackInteractions interactions;

    public SlackInteractionEndpoint(SlackSignature signature, SlackInteractions interactions) {
        this.signature = signature;
        this.interactions = interactions;
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
        if (payload == null || !payload.path("user").path("id").isTextual()) {
            return new SlackCommandEndpoint.Response(400, "{\"error\":\"missing user\"}");
        }
        interactions.handleLater(payload);
        return new SlackCommandEndpoint.Response(200, "{}");
    }
}
