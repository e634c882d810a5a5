package io.herald.config;

import java.util.Set;

/**
 * Who may run admin commands, per platform user id.
 *
 * @param slackChannelsAdminsOnly whether only these admins change a Slack channel's subscriptions
 *                                ({@code admins.slack_channels: admins}); by default anyone in the channel may
 *                                ({@code anyone}), as with Slack's own feed app
 */
public record Admins(Set<Long> telegram, Set<String> slack, boolean slackChannelsAdminsOnly) {
    public static final Admins NONE = new Admins(Set.of(), Set.of());

    /** Admins with Slack channels open to anyone in them. */
    public Admins(Set<Long> telegram, Set<String> slack) {
        this(telegram, slack, false);
    }

    public Admins {
        telegram = telegram == null ? Set.of() : Set.copyOf(telegram);
        slack = slack == null ? Set.of() : Set.copyOf(slack);
    }
}
