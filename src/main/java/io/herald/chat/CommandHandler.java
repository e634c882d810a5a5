package io.herald.chat;

/** Answers one chat message. Every message gets a plain-text answer (never empty). */
public interface CommandHandler {
    String handle(IncomingMessage message);
}
