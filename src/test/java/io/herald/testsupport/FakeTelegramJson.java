package io.herald.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the Bot API objects the fake hands out: chats, users, message and callback query updates. */
final class FakeTelegramJson {

    private static final long SUPERGROUP_IDS_BELOW = -1_000_000_000_000L;

    private FakeTelegramJson() {
    }

    /** A chat object; positive ids are private chats, negative ones groups (supergroups below -10^12). */
    static ObjectNode chat(long chatId) {
        ObjectNode chat = FakeTelegramBotApi.JSON.createObjectNode().put("id", chatId);
        if (chatId > 0) {
            return chat.put("type", "private").put("first_name", "User " + chatId);
        }
        return chat.put("type", chatId <= SUPERGROUP_IDS_BELOW ? "supergroup" : "group").put("title", "Group " + chatId);
    }

    static ObjectNode user(long userId) {
        return FakeTelegramBotApi.JSON.createObjectNode().put("id", userId).put("is_bot", false)
                .put("first_name", "User " + userId).put("language_code", "en");
    }

    /** A message from a user; {@code text} may be null for a non-text message (then it carries a location). */
    static ObjectNode message(long messageId, long chatId, long userId, String text) {
        ObjectNode message = FakeTelegramBotApi.JSON.createObjectNode().put("message_id", messageId);
        message.set("from", user(userId));
        message.set("chat", chat(chatId));
        message.put("date", System.currentTimeMillis() / 1000);
        if (text == null) {
            message.putObject("location").put("latitude", 51.5).put("longitude", -0.12);
            return message;
        }
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        return message;
    }

    static ObjectNode messageUpdate(ObjectNode message) {
        ObjectNode update = FakeTelegramBotApi.JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    static ObjectNode callbackUpdate(String queryId, long userId, ObjectNode message, String data) {
        ObjectNode update = FakeTelegramBotApi.JSON.createObjectNode();
        ObjectNode query = update.putObject("callback_query").put("id", queryId);
        query.set("from", user(userId));
        query.set("message", message);
        query.put("chat_instance", "ci" + message.path("chat").path("id").asLong()).put("data", data);
        return update;
    }
}
