package io.herald.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Forum chats and their topics, with Telegram's answers to a {@code message_thread_id}: a topic that does not exist
 * (never made, or deleted) is "message thread not found", a closed one is {@code TOPIC_CLOSED}; a chat without
 * topics has no threads to name. Thread-safe.
 */
final class FakeTelegramForums {

    enum State { OPEN, CLOSED, DELETED }

    private final Map<Long, Map<Long, State>> topics = new HashMap<>();
    private long nextTopicId = 100;

    synchronized void makeForum(long chatId) {
        topics.putIfAbsent(chatId, new HashMap<>());
    }

    synchronized boolean isForum(long chatId) {
        return topics.containsKey(chatId);
    }

    /** Opens a new topic in a forum chat (made one if needed); returns its id ({@code message_thread_id}). */
    synchronized long openTopic(long chatId) {
        long id = nextTopicId++;
        topics.computeIfAbsent(chatId, c -> new HashMap<>()).put(id, State.OPEN);
        return id;
    }

    synchronized void set(long chatId, long topicId, State state) {
        Map<Long, State> chat = topics.get(chatId);
        if (chat == null || !chat.containsKey(topicId)) {
            throw new IllegalArgumentException("fake telegram: chat " + chatId + " has no topic " + topicId);
        }
        chat.put(topicId, state);
    }

    /** Telegram's refusal of a message to this thread, or empty when it may be sent there. */
    synchronized Optional<String> refusal(long chatId, long threadId) {
        State state = topics.getOrDefault(chatId, Map.of()).get(threadId);
        if (state == null || state == State.DELETED) {
            return Optional.of("Bad Request: message thread not found");
        }
        return state == State.CLOSED ? Optional.of("Bad Request: TOPIC_CLOSED") : Optional.empty();
    }
}
