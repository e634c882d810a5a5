package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The checks of {@code chat.postMessage}, in Slack's order: channel, rate limit, text and blocks. */
final class FakeSlackPostMessage {

    /** What to answer: an error code (with block problems), a 429 wait, or the accepted message. */
    record Outcome(String error, List<String> problems, long retryAfterSeconds, String channel, String text,
            JsonNode blocks) {

        static Outcome failed(String error, List<String> problems) {
            return new Outcome(error, problems, 0, null, null, null);
        }

        static Outcome throttled(long seconds) {
            return new Outcome(null, List.of(), seconds, null, null, null);
        }
    }

    private final ObjectMapper json;
    private final Set<String> channels;
    private final Set<String> archived;
    private final Set<String> notMember;
    private final FakeSlackRateLimiter rateLimiter;

    FakeSlackPostMessage(ObjectMapper json, Set<String> channels, Set<String> archived, Set<String> notMember,
            FakeSlackRateLimiter rateLimiter) {
        this.json = json;
        this.channels = channels;
        this.archived = archived;
        this.notMember = notMember;
        this.rateLimiter = rateLimiter;
    }

    Outcome handle(FakeSlackRequest request) {
        String channel = request.text("channel").orElse("");
        if (channel.isEmpty() || !channels.contains(channel)) {
            return Outcome.failed("channel_not_found", List.of());
        }
        if (archived.contains(channel)) {
            return Outcome.failed("is_archived", List.of());
        }
        if (notMember.contains(channel)) {
            return Outcome.failed("not_in_channel", List.of());
        }
        Optional<Duration> wait = rateLimiter.acquire(channel);
        if (wait.isPresent()) {
            return Outcome.throttled(Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
        return checkContent(channel, request);
    }

    private Outcome checkContent(String channel, FakeSlackRequest request) {
        String text = request.text("text").orElse("");
        JsonNode blocks;
        try {
            blocks = blocks(request);
        } catch (IOException e) {
            return Outcome.failed("invalid_blocks", List.of("blocks must be a JSON array: " + e.getMessage()));
        }
        if (blocks.isEmpty() && text.isBlank()) {
            return Outcome.failed("no_text", List.of());
        }
        if (text.length() > FakeSlackServer.MAX_TEXT) {
            return Outcome.failed("msg_too_long", List.of());
        }
        if (request.args().containsKey("blocks")) {
            List<String> problems = FakeSlackBlockValidator.validate(blocks);
            if (!problems.isEmpty()) {
                return Outcome.failed("invalid_blocks", problems);
            }
        }
        return new Outcome(null, List.of(), 0, channel, text, blocks);
    }

    private JsonNode blocks(FakeSlackRequest request) throws IOException {
        JsonNode raw = request.args().get("blocks");
        if (raw == null || raw.isNull()) {
            return json.createArrayNode();
        }
        if (raw.isTextual()) {
            if (raw.asText().isBlank()) {
                throw new IOException("empty");
            }
            return json.readTree(raw.asText());
        }
        return raw;
    }
}
