package io.herald.chat.slack;

import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import io.herald.chat.ChatQuery;
import io.herald.deliver.SendFailure;
import io.herald.deliver.slack.SlackSender;
import io.herald.model.Destination;
import io.herald.model.Platform;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a Slack channel subscribes: is the bot in it? Asks {@code conversations.info}; a channel where
 * {@code is_member} is false, or that the bot cannot see ({@code channel_not_found}: a private channel it was not
 * invited to), is refused with how to invite it. Direct messages are always fine. When Slack cannot be asked, the
 * subscription is not held up (a later alert says {@code not_in_channel} if it comes to that).
 */
public final class SlackChannelCheck implements Function<Destination, Optional<io.herald.chat.Reply>> {
    private static final Logger LOG = LoggerFactory.getLogger(SlackChannelCheck.class);

    private final SlackSender slack;

    public SlackChannelCheck(SlackSender slack) {
        this.slack = slack;
    }

    /** @return the reply refusing the subscription, or empty when the bot can post there */
    @Override
    public Optional<io.herald.chat.Reply> apply(Destination destination) {
        String channel = destination.address();
        if (destination.platform() != Platform.SLACK || !(channel.startsWith("C") || channel.startsWith("G"))) {
            return Optional.empty();
        }
        ConversationsInfoResponse info;
        try {
            info = slack.call("check the channel " + channel, () -> slack.methods()
                    .conversationsInfo(r -> r.channel(channel)));
        } catch (SendFailure e) {
            if (e.getMessage() != null && e.getMessage().contains("channel_not_found")) {
                return Optional.of(io.herald.chat.Replies.slackNotInChannel());
            }
            LOG.info("slack: could not check whether the bot is in {}: {}", channel, e.getMessage());
            return Optional.empty();
        }
        if (info.getChannel() != null && Boolean.FALSE.equals(info.getChannel().isMember())) {
            return Optional.of(io.herald.chat.Replies.slackNotInChannel());
        }
        return Optional.empty();
    }
}
