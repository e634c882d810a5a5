package io.herald.chat;

/** A command as listed to the platform's command menu (e.g. Telegram's setMyCommands). */
public record BotCommandInfo(String command, String description) {
}
