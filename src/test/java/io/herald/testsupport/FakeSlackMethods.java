package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake Slack's methods for interactive apps: {@code chat.update}, {@code chat.postEphemeral},
 * {@code views.publish} and {@code users.conversations}, each checked like Slack does (a message to update must
 * exist in that channel, blocks are validated, a home view must be of type {@code home}). Thread-safe.
 */
final class FakeSlackMethods {

    /** An ephemeral message: only {@code user} sees it in {@code channel}. */
    record Ephemeral(String channel, String user, String text) {
    }

    private final ObjectMapper json;
    private final FakeSlackResponses responses;
    private final Set<String> channels;
    private final List<FakeSlackServer.PostedMessage> messages;
    private final List<Ephemeral> ephemerals = new ArrayList<>();
    private final Map<String, JsonNode> homeViews = new HashMap<>();
    private final Map<String, List<String>> memberships = new HashMap<>();
    private int updates;

    FakeSlackMethods(ObjectMapper json, FakeSlackResponses responses, Set<String> channels,
                     List<FakeSlackServer.PostedMessage> messages) {
        this.json = json;
        this.responses = responses;
        this.channels = channels;
        this.messages = messages;
    }

    /** The answer to one of these methods, or null when the method is not one of them. */
    JsonNode call(FakeSlackRequest request) {
        return switch (request.method()) {
            case "chat.update" -> update(request);
            case "chat.postEphemeral" -> ephemeral(request);
            case "views.publish" -> publish(request);
            case "users.conversations" -> conversations(request);
            default -> null;
        };
    }

    private JsonNode update(FakeSlackRequest request) {
        String channel = request.text("channel").orElse("");
        String ts = request.text("ts").orElse("");
        if (!channels.contains(channel)) {
            return responses.error("channel_not_found");
        }
        JsonNode blocks;
        try {
            blocks = blocks(request.args().get("blocks"));
        } catch (IOException e) {
            return responses.error("invalid_blocks");
        }
        List<String> problems = FakeSlackBlockValidator.validate(blocks);
        if (!problems.isEmpty()) {
            ObjectNode error = responses.error("invalid_blocks");
            problems.forEach(error.putArray("errors")::add);
            return error;
        }
        synchronized (messages) {
            for (int i = 0; i < messages.size(); i++) {
                FakeSlackServer.PostedMessage m = messages.get(i);
                if (m.channel().equals(channel) && m.ts().equals(ts)) {
                    messages.set(i, new FakeSlackServer.PostedMessage(channel,
                            request.text("text").orElse(m.text()), blocks, ts));
                    updates++;
                    messages.notifyAll();
                    return json.createObjectNode().put("ok", true).put("channel", channel).put("ts", ts);
                }
            }
        }
        return responses.error("message_not_found");
    }

    private JsonNode ephemeral(FakeSlackRequest request) {
        String channel = request.text("channel").orElse("");
        String user = request.text("user").orElse("");
        String text = request.text("text").orElse("");
        if (!channels.contains(channel)) {
            return responses.error("channel_not_found");
        }
        if (!user.matches("[UW][A-Z0-9]{2,20}")) {
            return responses.error("user_not_found");
        }
        if (text.isBlank() && !request.args().containsKey("blocks")) {
            return responses.error("no_text");
        }
        synchronized (this) {
            ephemerals.add(new Ephemeral(channel, user, text));
            notifyAll();
        }
        return json.createObjectNode().put("ok", true).put("message_ts", System.currentTimeMillis() / 1000 + ".9");
    }

    private JsonNode publish(FakeSlackRequest request) {
        String user = request.text("user_id").orElse("");
        JsonNode view;
        try {
            view = blocks(request.args().get("view"));
        } catch (IOException e) {
            return responses.error("invalid_arguments");
        }
        if (!user.matches("[UW][A-Z0-9]{2,20}")) {
            return responses.error("user_not_found");
        }
        if (!view.isObject() || !"home".equals(view.path("type").asText())) {
            return responses.error("invalid_arguments").put("detail", "a published view must have type home");
        }
        List<String> problems = FakeSlackBlockValidator.validate(view.path("blocks"));
        if (!problems.isEmpty()) {
            ObjectNode error = responses.error("invalid_arguments");
            problems.forEach(error.putArray("errors")::add);
            return error;
        }
        synchronized (this) {
            homeViews.put(user, view);
            notifyAll();
        }
        ObjectNode answer = json.createObjectNode().put("ok", true);
        answer.set("view", ((ObjectNode) view.deepCopy()).put("id", "V0HOME" + user));
        return answer;
    }

    private JsonNode conversations(FakeSlackRequest request) {
        String user = request.text("user").orElse("");
        ObjectNode answer = json.createObjectNode().put("ok", true);
        ArrayNode list = answer.putArray("channels");
        synchronized (this) {
            memberships.getOrDefault(user, List.of())
                    .forEach(c -> list.addObject().put("id", c).put("name", c.toLowerCase()).put("is_channel", true));
        }
        answer.putObject("response_metadata").put("next_cursor", "");
        return answer;
    }

    private JsonNode blocks(JsonNode raw) throws IOException {
        if (raw == null || raw.isNull()) {
            return json.createArrayNode();
        }
        return raw.isTextual() ? json.readTree(raw.asText()) : raw;
    }

    synchronized void memberOf(String user, List<String> channelIds) {
        memberships.put(user, List.copyOf(channelIds));
    }

    synchronized List<Ephemeral> ephemerals() {
        return List.copyOf(ephemerals);
    }

    synchronized JsonNode homeView(String user) {
        return homeViews.get(user);
    }

    synchronized int homeViewsPublished() {
        return homeViews.size();
    }

    int updates() {
        synchronized (messages) {
            return updates;
        }
    }

    /** Waits until {@code check} holds (checked under this object's lock) or the deadline passes. */
    synchronized boolean await(java.util.function.BooleanSupplier check, long deadlineNanos)
            throws InterruptedException {
        while (!check.getAsBoolean()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
