package io.herald.chat.slack;

import io.herald.chat.CommandHandler;

/** Lets tests of other packages type {@code /herald <text>} as Slack's slash command does. */
public final class SlackCommandsAccess {
    private SlackCommandsAccess() {
    }

    /** The answer to {@code /herald <text>} typed by {@code user} in {@code channel}. */
    public static String answer(CommandHandler handler, String channel, String user, String text) {
        return SlackCommandEndpoint.answer(handler, channel, user, text);
    }
}
