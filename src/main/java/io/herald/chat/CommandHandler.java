package io.herald.chat;

/** Answers one chat message. Every message gets an answer (never empty), rendered by the platform. */
public interface CommandHandler {
    Reply handle(IncomingMessage message);
}
