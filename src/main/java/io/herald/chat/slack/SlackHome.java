package io.herald.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.ConversationType;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import io.herald.deliver.SendFailure;
import io.herald.chat.Replies;
import io.herald.chat.ReplyFormat;
import io.herald.deliver.slack.SlackMarkup;
import io.herald.deliver.slack.SlackSender;
import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab ({@code app_home_opened} → {@code views.publish}): the subscriptions of every channel the user is
 * in, each with buttons to mute (or resume) and remove it; routes from the config are shown without buttons. A
 * press is allowed only on a subscription of a channel the user is in now (asked from Slack at the press).
 */
public final class SlackHome {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);
    /** Slack allows 100 blocks in a home view; the fake and Herald keep to 50. */
    static final int MAX_BLOCKS = 50;
    private static final Pattern ACTION = Pattern.compile("herald_home_(mute|resume|remove)");
    private static final List<ConversationType> TYPES = List.of(ConversationType.PUBLIC_CHANNEL,
            ConversationType.PRIVATE_CHANNEL, ConversationType.MPIM, ConversationType.IM);

    private final SlackSender slack;
    private final SubscriptionStore subscriptions;
    private final java.util.function.Predicate<String> mayChangeChannels;

    public SlackHome(SlackSender slack, SubscriptionStore subscriptions) {
        this(slack, subscriptions, user -> true);
    }

    /**
     * @param mayChangeChannels whether a user may change the subscriptions of the channels they are in (everyone, or
     *                          only Herald's admins with {@code admins.slack_channels: admins})
     */
    public SlackHome(SlackSender slack, SubscriptionStore subscriptions,
                     java.util.function.Predicate<String> mayChangeChannels) {
        this.slack = slack;
        this.subscriptions = subscriptions;
        this.mayChangeChannels = mayChangeChannels;
    }

    /** Whether a button's action id is one of the home tab's. */
    static boolean isHomeAction(String actionId) {
        return ACTION.matcher(actionId).matches();
    }

    /** Builds and publishes the user's home tab. */
    public void publish(String user) throws SendFailure {
        List<LayoutBlock> blocks = blocks(channelsOf(user));
        View view = View.builder().type("home").blocks(blocks).build();
        slack.call("slack: cannot publish the home tab of user " + user,
                () -> slack.methods().viewsPublish(r -> r.userId(user).view(view)));
    }

    /** Mutes, resumes or removes a subscription from the home tab, then shows the tab again. */
    public void act(String user, String actionId, String value) throws SendFailure {
        Matcher m = ACTION.matcher(actionId);
        Optional<Subscription> s = parseId(value).flatMap(subscriptions::find);
        boolean allowed = m.matches() && s.isPresent() && s.get().routeId().isEmpty()
                && channelsOf(user).contains(s.get().destination().address());
        if (allowed && !mayChangeChannels.test(user) && !s.get().destination().address().startsWith("D")) {
            LOG.warn("slack: refused home button {} '{}' from user {}: only Herald's admins change channels' subscriptions",
                    actionId, value, user);
        } else if (!allowed) {
            LOG.warn("slack: refused home button {} '{}' from user {}: not a subscription of one of their channels",
                    actionId, value, user);
        } else {
            long id = s.get().id();
            switch (m.group(1)) {
                case "mute" -> subscriptions.setPaused(id, true);
                case "resume" -> subscriptions.setPaused(id, false);
                default -> subscriptions.remove(id);
            }
        }
        publish(user);
    }

    private List<String> channelsOf(String user) throws SendFailure {
        List<String> channels = new ArrayList<>();
        String cursor = "";
        do {
            String page = cursor;
            var response = slack.call("slack: cannot list the channels of user " + user,
                    () -> slack.methods().usersConversations(r -> r.user(user).types(TYPES).excludeArchived(true)
                            .limit(200).cursor(page.isEmpty() ? null : page)));
            response.getChannels().forEach(c -> channels.add(c.getId()));
            cursor = response.getResponseMetadata() == null ? "" : response.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty() && channels.size() < 2000);
        return channels;
    }

    private List<LayoutBlock> blocks(List<String> channels) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your Herald subscriptions"))));
        int shown = 0;
        int total = 0;
        for (String channel : channels) {
            List<Subscription> subs = subscriptions.allFor(Destination.slack(channel));
            total += subs.size();
            if (subs.isEmpty() || blocks.size() + 3 > MAX_BLOCKS - 2) {
                continue;
            }
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText("*<#" + channel + ">*"))));
            for (Subscription sub : subs) {
                if (blocks.size() + 2 > MAX_BLOCKS - 2) {
                    break;
                }
                blocks.addAll(subscription(sub));
                shown++;
            }
        }
        String footer = ReplyFormat.SLACK_MRKDWN.render(total == 0 ? Replies.homeEmpty()
                : shown < total ? Replies.homeShowing(shown, total) : Replies.homeAddOne());
        blocks.add(context(c -> c.elements(List.of(markdownText(footer)))));
        return blocks;
    }

    private List<LayoutBlock> subscription(Subscription sub) {
        boolean paused = subscriptions.isPaused(sub.id());
        String text = "`" + sub.query().replace("`", "'") + "`" + (paused ? "  _(muted)_" : "");
        String line = SlackMarkup.escape(text);
        if (sub.routeId().isPresent()) {
            return List.of(section(s -> s.text(markdownText(line + "\n_team route "
                    + SlackMarkup.escape(sub.routeId().get()) + ", set by admins_"))));
        }
        String value = Long.toString(sub.id());
        List<BlockElement> buttons = List.of(
                ButtonElement.builder().text(plainText(paused ? "Resume" : "Mute"))
                        .actionId(paused ? "herald_home_resume" : "herald_home_mute").value(value).build(),
                ButtonElement.builder().text(plainText("Remove")).actionId("herald_home_remove").value(value)
                        .style("danger").build());
        return List.of(section(s -> s.text(markdownText(line))), actions(a -> a.elements(buttons)));
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
