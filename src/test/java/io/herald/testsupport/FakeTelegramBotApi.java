package io.herald.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testsupport.FakeTelegramServer.Command;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake's Bot API methods and the state they act on. Thread-safe. */
final class FakeTelegramBotApi {

    static final ObjectMapper JSON = new ObjectMapper();

    final FakeTelegramUpdates updates = new FakeTelegramUpdates();
    final FakeTelegramRateLimiter limiter = new FakeTelegramRateLimiter();
    final FakeTelegramForums forums = new FakeTelegramForums();
    final FakeTelegramWebhook webhook = new FakeTelegramWebhook(updates);
    private final long botId;
    private final Set<Long> knownChats = new HashSet<>();
    private final Set<Long> blocked = new HashSet<>();
    private final java.util.Map<String, String> memberStatus = new java.util.HashMap<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final Deque<FakeTelegramReply> failures = new ArrayDeque<>();
    private final Map<String, Deque<FakeTelegramReply>> methodFailures = new HashMap<>();
    private final Deque<FakeTelegramReply> updatesFailures = new ArrayDeque<>();
    private final Set<String> openCallbackQueries = new HashSet<>();
    private final List<FakeTelegramServer.CallbackAnswer> callbackAnswers = new ArrayList<>();
    private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final java.util.Map<Long, Long> migrated = new java.util.HashMap<>();
    private double sendFailureRate;
    private java.util.Random random = new java.util.Random(1);
    private int injectedFailures;
    private long nextMessageId = 1;
    private int edits;

    FakeTelegramBotApi(long botId) {
        this.botId = botId;
    }

    final FakeTelegramFiles files = new FakeTelegramFiles();

    /** Answers one call; {@code rawMethod} is the method name in whatever case it arrived. */
    FakeTelegramReply call(String rawMethod, ObjectNode params) throws InterruptedException {
        return call(rawMethod, params, java.util.Map.of());
    }

    /** As above, with the file parts of a multipart request. */
    FakeTelegramReply call(String rawMethod, ObjectNode params, java.util.Map<String, FakeTelegramFiles.Upload> uploads)
            throws InterruptedException {
        Optional<String> known = FakeTelegramSpec.canonicalName(rawMethod);
        if (known.isEmpty()) {
            return FakeTelegramReply.error(404, "Not Found");
        }
        String method = known.get();
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (method.equals("sendMessage") && injectFailure()) {
            return FakeTelegramReply.raw(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
        if (method.equals("getUpdates")) {
            Optional<FakeTelegramReply> failure = nextUpdatesFailure();
            if (failure.isPresent()) {
                return failure.get();
            }
        } else {
            Optional<FakeTelegramReply> failure = nextFailure(method);
            if (failure.isPresent()) {
                return failure.get();
            }
        }
        Optional<String> invalid = FakeTelegramSpec.validate(method, params);
        if (invalid.isPresent()) {
            return FakeTelegramReply.badRequest(invalid.get());
        }
        switch (method) {
            case "getMe":
                return FakeTelegramReply.ok(bot());
            case "getUpdates":
                return getUpdates(params);
            case "sendMessage":
                return sendMessage(params);
            case "editMessageReplyMarkup":
                return editMessageReplyMarkup(params);
            case "setMyCommands":
                return setMyCommands(params.get("commands"));
            case "getMyCommands":
                return FakeTelegramReply.ok(commandsJson());
            case "deleteMyCommands":
                return deleteMyCommands();
            case "answerCallbackQuery":
                return answerCallbackQuery(params);
            case "getChatMember":
                return getChatMember(params);
            case "getFile":
                return files.getFile(params);
            case "sendDocument":
                return sendDocument(params, uploads);
            case "getWebhookInfo":
                return FakeTelegramReply.ok(webhook.info());
            case "setWebhook":
                return webhook.set(params);
            case "deleteWebhook":
                return webhook.delete(params.path("drop_pending_updates").asBoolean(false));
            default: // logOut, close
                return FakeTelegramReply.okTrue();
        }
    }

    /** Makes a user an administrator ({@code administrator}) or owner ({@code creator}) of a group, or a member. */
    synchronized void setMemberStatus(long chatId, long userId, String status) {
        addChat(chatId);
        memberStatus.put(chatId + ":" + userId, status);
    }

    /**
     * A {@code ChatMember} with every field the Bot API marks required for its status; a user the fake was told
     * nothing about is an ordinary {@code member}. An unknown chat is 400 "chat not found".
     */
    private synchronized FakeTelegramReply getChatMember(ObjectNode params) {
        OptionalLong chat = chatId(params.get("chat_id"));
        if (chat.isEmpty() || !knownChats.contains(chat.getAsLong())) {
            return FakeTelegramReply.badRequest("chat not found");
        }
        long userId = params.get("user_id").asLong();
        String status = memberStatus.getOrDefault(chat.getAsLong() + ":" + userId, "member");
        ObjectNode member = JSON.createObjectNode().put("status", status);
        member.set("user", FakeTelegramJson.user(userId));
        if (status.equals("creator")) {
            member.put("is_anonymous", false);
        } else if (status.equals("administrator")) {
            member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", true).put("can_manage_video_chats", false)
                    .put("can_restrict_members", true).put("can_promote_members", false)
                    .put("can_change_info", true).put("can_invite_users", true).put("can_post_stories", false)
                    .put("can_edit_stories", false).put("can_delete_stories", false);
        }
        return FakeTelegramReply.ok(member);
    }

    private synchronized Optional<FakeTelegramReply> nextFailure(String method) {
        Deque<FakeTelegramReply> own = methodFailures.get(method);
        FakeTelegramReply reply = own == null ? null : own.poll();
        return Optional.ofNullable(reply != null ? reply : failures.poll());
    }

    synchronized void failNextCallOf(String method, FakeTelegramReply reply) {
        methodFailures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(reply);
    }

    private synchronized Optional<FakeTelegramReply> nextUpdatesFailure() {
        return Optional.ofNullable(updatesFailures.poll());
    }

    synchronized void failUpdates(FakeTelegramReply reply, int times) {
        for (int i = 0; i < times; i++) {
            updatesFailures.add(reply);
        }
    }

    private FakeTelegramReply getUpdates(ObjectNode params) throws InterruptedException {
        if (webhook.active()) {
            return FakeTelegramReply.error(409, "Conflict: can't use getUpdates method while webhook is active;"
                    + " use deleteWebhook to delete the webhook first");
        }
        Optional<Long> offset = Optional.ofNullable(params.get("offset")).map(JsonNode::asLong);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        FakeTelegramUpdates.Poll poll = updates.poll(offset, limit, params.path("timeout").asInt(0));
        if (poll.conflict()) {
            return FakeTelegramReply.error(409, "Conflict: terminated by other getUpdates request; "
                    + "make sure that only one bot instance is running");
        }
        ArrayNode result = JSON.createArrayNode();
        poll.updates().forEach(result::add);
        return FakeTelegramReply.ok(result);
    }

    private FakeTelegramReply sendMessage(ObjectNode params) {
        OptionalLong chat = chatId(params.get("chat_id"));
        synchronized (this) {
            if (chat.isEmpty() || !knownChats.contains(chat.getAsLong())) {
                return FakeTelegramReply.badRequest("chat not found");
            }
            if (blocked.contains(chat.getAsLong())) {
                return FakeTelegramReply.error(403, "Forbidden: bot was blocked by the user");
            }
            Long movedTo = migrated.get(chat.getAsLong());
            if (movedTo != null) {
                return FakeTelegramReply.migrated(movedTo);
            }
        }
        long chatId = chat.getAsLong();
        Optional<Long> thread = Optional.ofNullable(params.get("message_thread_id")).map(JsonNode::asLong);
        Optional<String> threadRefused = thread.flatMap(t -> forums.refusal(chatId, t));
        if (threadRefused.isPresent()) {
            return FakeTelegramReply.badRequest(threadRefused.get());
        }
        String text = params.get("text").asText();
        Optional<String> parseMode = Optional.ofNullable(params.get("parse_mode")).map(JsonNode::asText)
                .filter(mode -> !mode.isEmpty());
        String plain;
        List<List<FakeTelegramServer.Button>> keyboard;
        FakeTelegramServer.LinkPreview preview;
        try {
            plain = FakeTelegramMessageCheck.plainText(text, parseMode);
            keyboard = FakeTelegramMessageCheck.inlineKeyboard(Optional.ofNullable(params.get("reply_markup")));
            preview = FakeTelegramMessageCheck.linkPreview(Optional.ofNullable(params.get("link_preview_options")));
        } catch (FakeTelegramMessageCheck.Refused e) {
            return FakeTelegramReply.badRequest(e.getMessage());
        }
        OptionalLong retryAfter = limiter.acquire(chatId);
        if (retryAfter.isPresent()) {
            return FakeTelegramReply.tooManyRequests(retryAfter.getAsLong());
        }
        long messageId;
        SentMessage message;
        synchronized (this) {
            messageId = nextMessageId++;
            message = new SentMessage(chatId, messageId, text, parseMode, plain, keyboard, preview.disabled(), thread,
                    preview);
            sent.add(message);
            notifyAll();
        }
        return FakeTelegramReply.ok(messageJson(message));
    }

    /** {@code sendDocument}: a new upload (multipart) to a known chat, caption at most 1024 characters. */
    private FakeTelegramReply sendDocument(ObjectNode params, java.util.Map<String, FakeTelegramFiles.Upload> uploads) {
        OptionalLong chat = chatId(params.get("chat_id"));
        synchronized (this) {
            if (chat.isEmpty() || !knownChats.contains(chat.getAsLong())) {
                return FakeTelegramReply.badRequest("chat not found");
            }
            if (blocked.contains(chat.getAsLong())) {
                return FakeTelegramReply.error(403, "Forbidden: bot was blocked by the user");
            }
        }
        String document = params.get("document").asText();
        FakeTelegramFiles.Upload upload = document.startsWith("attach://")
                ? uploads.get(document.substring("attach://".length())) : null;
        if (upload == null) {
            return FakeTelegramReply.badRequest("Bad Request: wrong file identifier/HTTP URL specified");
        }
        if (upload.content().length == 0) {
            return FakeTelegramReply.badRequest("Bad Request: file must be non-empty");
        }
        if (upload.content().length > FakeTelegramFiles.MAX_UPLOAD) {
            return FakeTelegramReply.error(413, "Request Entity Too Large");
        }
        Optional<String> caption = Optional.ofNullable(params.get("caption")).map(JsonNode::asText);
        if (caption.map(c -> c.length() > 1024).orElse(false)) {
            return FakeTelegramReply.badRequest("Bad Request: message caption is too long");
        }
        long messageId;
        synchronized (this) {
            messageId = nextMessageId++;
        }
        files.record(chat.getAsLong(), messageId, upload, caption);
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId);
        message.set("from", bot());
        message.set("chat", FakeTelegramJson.chat(chat.getAsLong()));
        message.put("date", System.currentTimeMillis() / 1000);
        message.set("document", JSON.createObjectNode().put("file_id", "BQACsent" + messageId)
                .put("file_unique_id", "AgADsent" + messageId).put("file_name", upload.fileName())
                .put("file_size", upload.content().length));
        caption.ifPresent(c -> message.put("caption", c));
        return FakeTelegramReply.ok(message);
    }

    private ObjectNode messageJson(SentMessage sent) {
        ObjectNode message = JSON.createObjectNode().put("message_id", sent.messageId());
        message.set("from", bot());
        ObjectNode chat = FakeTelegramJson.chat(sent.chatId());
        if (forums.isForum(sent.chatId())) {
            chat.put("is_forum", true);
        }
        message.set("chat", chat);
        sent.threadId().ifPresent(t -> message.put("message_thread_id", t).put("is_topic_message", true));
        return message.put("date", System.currentTimeMillis() / 1000).put("text", sent.plainText());
    }

    /** Replaces the buttons of a message the bot sent; refuses an unknown message or an edit that changes nothing. */
    private synchronized FakeTelegramReply editMessageReplyMarkup(ObjectNode params) {
        OptionalLong chat = params.has("chat_id") ? chatId(params.get("chat_id")) : OptionalLong.empty();
        if (chat.isEmpty() || !params.has("message_id")) {
            return FakeTelegramReply.badRequest("Bad Request: chat_id and message_id are required"
                    + " (the fake sends no inline messages)");
        }
        long messageId = params.get("message_id").asLong();
        int index = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).chatId() == chat.getAsLong() && sent.get(i).messageId() == messageId) {
                index = i;
            }
        }
        if (index < 0) {
            return FakeTelegramReply.badRequest("Bad Request: message to edit not found");
        }
        List<List<FakeTelegramServer.Button>> keyboard;
        try {
            keyboard = FakeTelegramMessageCheck.inlineKeyboard(Optional.ofNullable(params.get("reply_markup")));
        } catch (FakeTelegramMessageCheck.Refused e) {
            return FakeTelegramReply.badRequest(e.getMessage());
        }
        if (keyboard.equals(sent.get(index).inlineKeyboard())) {
            return FakeTelegramReply.badRequest("Bad Request: message is not modified: specified new message content"
                    + " and reply markup are exactly the same as a current content and reply markup of the message");
        }
        SentMessage edited = sent.get(index).withKeyboard(keyboard);
        sent.set(index, edited);
        edits++;
        notifyAll();
        return FakeTelegramReply.ok(messageJson(edited));
    }

    private static OptionalLong chatId(JsonNode value) {
        if (value.isIntegralNumber()) {
            return OptionalLong.of(value.asLong());
        }
        String text = value.asText();
        return text.matches("-?\\d{1,19}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    private synchronized FakeTelegramReply setMyCommands(JsonNode list) {
        if (list.size() > 100) {
            return FakeTelegramReply.badRequest("too many commands");
        }
        List<Command> parsed = new ArrayList<>();
        for (JsonNode command : list) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (!command.path("command").isTextual() || !name.matches("[a-z0-9_]{1,32}")) {
                return FakeTelegramReply.badRequest("BOT_COMMAND_INVALID");
            }
            if (!command.path("description").isTextual() || description.isEmpty() || description.length() > 256) {
                return FakeTelegramReply.badRequest("command description must be 1-256 characters");
            }
            parsed.add(new Command(name, description));
        }
        commands.clear();
        commands.addAll(parsed);
        return FakeTelegramReply.okTrue();
    }

    private synchronized FakeTelegramReply deleteMyCommands() {
        commands.clear();
        return FakeTelegramReply.okTrue();
    }

    private synchronized ArrayNode commandsJson() {
        ArrayNode result = JSON.createArrayNode();
        commands.forEach(c -> result.addObject().put("command", c.command()).put("description", c.description()));
        return result;
    }

    private synchronized FakeTelegramReply answerCallbackQuery(ObjectNode params) {
        String id = params.get("callback_query_id").asText();
        if (params.path("text").asText("").length() > 200) {
            return FakeTelegramReply.badRequest("MESSAGE_TOO_LONG");
        }
        if (!openCallbackQueries.remove(id)) {
            return FakeTelegramReply.badRequest(
                    "query is too old and response timeout expired or query ID is invalid");
        }
        callbackAnswers.add(new FakeTelegramServer.CallbackAnswer(id, params.path("text").asText("")));
        return FakeTelegramReply.okTrue();
    }

    ObjectNode bot() {
        return JSON.createObjectNode().put("id", botId).put("is_bot", true).put("first_name", "Herald Test")
                .put("username", FakeTelegramServer.BOT_USERNAME).put("can_join_groups", true)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    // ---- test hooks -------------------------------------------------------------------------------------------

    synchronized void addChat(long chatId) {
        knownChats.add(chatId);
    }

    synchronized void block(long chatId) {
        blocked.add(chatId);
    }

    synchronized void migrate(long from, long to) {
        migrated.put(from, to);
        knownChats.add(to);
    }

    synchronized void failRandomly(double rate, long seed) {
        sendFailureRate = rate;
        random = new java.util.Random(seed);
    }

    private synchronized boolean injectFailure() {
        if (sendFailureRate > 0 && random.nextDouble() < sendFailureRate) {
            injectedFailures++;
            return true;
        }
        return false;
    }

    synchronized int injectedFailures() {
        return injectedFailures;
    }

    synchronized void failNext(FakeTelegramReply reply) {
        failures.add(reply);
    }

    synchronized void openCallbackQuery(String id) {
        openCallbackQueries.add(id);
    }

    synchronized List<String> answeredCallbackQueries() {
        return callbackAnswers.stream().map(FakeTelegramServer.CallbackAnswer::callbackQueryId).toList();
    }

    synchronized List<FakeTelegramServer.CallbackAnswer> callbackAnswers() {
        return List.copyOf(callbackAnswers);
    }

    /** How many button edits were accepted. */
    synchronized int edits() {
        return edits;
    }

    synchronized List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    int callCount(String method) {
        String name = FakeTelegramSpec.canonicalName(method).orElse(method);
        AtomicInteger count = calls.get(name);
        return count == null ? 0 : count.get();
    }

    /** Waits until {@code count} messages went to the chat, or the deadline passes. */
    synchronized List<SentMessage> awaitSent(long chatId, int count, long deadlineNanos) throws InterruptedException {
        while (true) {
            List<SentMessage> matching = sent.stream().filter(m -> m.chatId() == chatId).toList();
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (matching.size() >= count || remainingMillis <= 0) {
                return matching;
            }
            wait(remainingMillis);
        }
    }
}
