package io.herald.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.chat.ChatRole;
import io.herald.chat.CommandHandler;
import io.herald.chat.IncomingMessage;
import io.herald.chat.ReplyFormat;
import io.herald.model.Destination;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack slash commands over HTTP ({@code /herald subscribe "north korea"}): checks the signature, turns the form
 * into an {@link IncomingMessage} for the shared router, and answers with an ephemeral message.
 */
public final class SlackCommandEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCommandEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackSignature signature;
    private final CommandHandler handler;

    public SlackCommandEndpoint(SlackSignature signature, CommandHandler handler) {
        this.signature = signature;
        this.handler = handler;
    }

    /**
     * The handler as Slack channels see it: in a channel, the sender may change its subscriptions as
     * {@code channelRole} says (everyone, or only Herald's admins); a direct message with the bot is the user's own.
     */
    public static CommandHandler inChannels(CommandHandler handler, ChatRole channelRole) {
        return m -> handler.handle(new IncomingMessage(m.replyTo(), m.userId(), m.text(),
                m.replyTo().address().startsWith("D") ? ChatRole.ANYONE : channelRole));
    }

    /** An HTTP answer: status and JSON body. */
    public record Response(int status, String json) {
    }

    public Response handle(String timestamp, String signatureHeader, byte[] rawBody) {
        if (!signature.verify(timestamp, signatureHeader, rawBody)) {
            LOG.warn("slack: refused a command request with a missing, wrong or stale signature");
            return new Response(401, "{\"error\":\"invalid signature\"}");
        }
        Map<String, String> form;
        try {
            form = parseForm(new String(rawBody, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new Response(400, "{\"error\":\"malformed form body\"}");
        }
        String channel = form.getOrDefault("channel_id", "");
        if (!channel.matches("[A-Z0-9]{2,20}")) {
            return new Response(400, "{\"error\":\"missing channel_id\"}");
        }
        return new Response(200, ephemeral(answer(handler, channel, form.getOrDefault("user_id", ""),
                form.getOrDefault("text", ""))).toString());
    }

    /**
     * The router's answer, in Slack's mrkdwn, to {@code /herald <text>} typed in a channel ({@code /herald} alone
     * is help).
     */
    static String answer(CommandHandler handler, String channel, String user, String text) {
        String stripped = text.strip();
        String command = stripped.isEmpty() ? "/help" : stripped.startsWith("/") ? stripped : "/" + stripped;
        return ReplyFormat.SLACK_MRKDWN.render(handler.handle(new IncomingMessage(Destination.slack(channel), user,
                command)));
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** An ephemeral message body with text already written in mrkdwn. */
    static ObjectNode ephemeral(String mrkdwn) {
        return JSON.createObjectNode().put("response_type", "ephemeral").put("text", mrkdwn);
    }
}
