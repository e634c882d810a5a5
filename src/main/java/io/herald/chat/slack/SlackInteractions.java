package io.herald.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.chat.AlertPresses;
import io.herald.chat.ButtonAnswer;
import io.herald.chat.ButtonPress;
import io.herald.chat.ChatRole;
import io.herald.chat.CommandHandler;
import io.herald.chat.IncomingMessage;
import io.herald.chat.ReplyFormat;
import io.herald.deliver.SendFailure;
import io.herald.deliver.slack.SlackSender;
import io.herald.model.Destination;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Button presses from Slack ({@code block_actions}), however they arrived (Socket Mode or signed HTTP), handled off
 * the caller's thread so that the caller can acknowledge at once: an alert's Mute / Unsubscribe / Undo change the
 * alert in place ({@code chat.update}) and the presser gets a short ephemeral answer; the App Home tab's buttons
 * change the subscription and redraw the tab; any other command button is answered like a typed command.
 */
public final class SlackInteractions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInteractions.class);
    private static final String CHANNEL = "[A-Z0-9]{2,20}";

    private final SlackSender slack;
    private final CommandHandler handler;
    private final AlertPresses presses;
    private final SlackHome home;
    private final ExecutorService workers;
    private final ChatRole channelRole;

    public SlackInteractions(SlackSender slack, CommandHandler handler, AlertPresses presses, SlackHome home) {
        this(slack, handler, presses, home, ChatRole.ANYONE);
    }

    /**
     * @param channelRole who may change a channel's subscriptions with an alert's buttons besides Herald's admins
     *                    (everyone, or nobody else); direct messages are always the user's own
     */
    public SlackInteractions(SlackSender slack, CommandHandler handler, AlertPresses presses, SlackHome home,
                             ChatRole channelRole) {
        this.channelRole = channelRole;
        this.slack = slack;
        this.handler = handler;
        this.presses = presses;
        this.home = home;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), r -> {
            Thread t = new Thread(r, "herald-slack-actions-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the work of a {@code block_actions} payload; returns at once. */
    public void handleLater(JsonNode payload) {
        submit("button press", () -> handle(payload));
    }

    /** Queues the publishing of the user's App Home tab. */
    public void publishHomeLater(String user) {
        submit("home tab of " + user, () -> home.publish(user));
    }

    /** Runs Slack work on this object's threads; a full queue or a failure is logged, never thrown. */
    void submit(String what, SlackWork work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (SendFailure e) {
                    LOG.warn("{}", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("slack: {} failed: {}", what, e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("slack: too busy or stopping; {} dropped", what);
        }
    }

    /** Slack work that may fail with a {@link SendFailure}. */
    @FunctionalInterface
    interface SlackWork {
        void run() throws SendFailure;
    }

    void handle(JsonNode payload) throws SendFailure {
        String user = payload.path("user").path("id").asText("");
        for (JsonNode action : payload.path("actions")) {
            String actionId = action.path("action_id").asText("");
            String value = action.path("value").asText("");
            if ("view".equals(payload.path("container").path("type").asText()) && SlackHome.isHomeAction(actionId)) {
                home.act(user, actionId, value);
                continue;
            }
            String channel = payload.path("channel").path("id").asText("");
            if (!channel.matches(CHANNEL) || !value.startsWith("/")) {
                continue;
            }
            String ts = payload.path("container").path("message_ts").asText(payload.path("message").path("ts").asText(""));
            if (AlertPresses.isAlertButton(value)) {
                ButtonAnswer answer = presses.press(new ButtonPress(Destination.slack(channel), user, value, ts,
                        channel.startsWith("D") ? ChatRole.ANYONE : channelRole));
                if (answer.alert().isPresent()) {
                    slack.updateButtons(answer.alert().get(), ts, answer.state());
                }
                slack.postEphemeralMrkdwn(channel, user, ReplyFormat.SLACK_MRKDWN.render(answer.text()));
            } else {
                slack.postEphemeralMrkdwn(channel, user, ReplyFormat.SLACK_MRKDWN.render(handler.handle(
                        new IncomingMessage(Destination.slack(channel), user, value))));
            }
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(3, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
