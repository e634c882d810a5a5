package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Kind;
import io.herald.config.YamlNode.Mapping;
import io.herald.config.YamlNode.Scalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the {@code admins:} section: Telegram user ids (numbers) and Slack user ids (U0123ABCD). */
final class AdminsValidator {
    private static final List<String> KEYS = List.of("telegram", "slack", "slack_channels");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern TELEGRAM_USER = Pattern.compile("[1-9][0-9]{0,18}");

    private final Problems problems;

    AdminsValidator(Problems problems) {
        this.problems = problems;
    }

    Admins validate(YamlNode section) {
        Optional<Mapping> mapping = NodeChecks.mapping(section, "admins", problems);
        if (mapping.isEmpty()) {
            return Admins.NONE;
        }
        NodeChecks.unknownKeys(mapping.get(), KEYS, "admins", problems);
        Set<Long> telegram = new LinkedHashSet<>();
        items(mapping.get(), "telegram", "telegram: [123456789]").forEach(item -> telegramUser(item).ifPresent(telegram::add));
        Set<String> slack = new LinkedHashSet<>();
        items(mapping.get(), "slack", "slack: [U0123ABCD]").forEach(item -> slackUser(item).ifPresent(slack::add));
        return new Admins(telegram, slack, slackChannelsAdminsOnly(mapping.get()));
    }

    /** {@code slack_channels: anyone} (the default) or {@code admins}. */
    private boolean slackChannelsAdminsOnly(Mapping mapping) {
        Optional<YamlNode> node = mapping.entry("slack_channels").map(Entry::value);
        if (node.isEmpty()) {
            return false;
        }
        if (node.get() instanceof Scalar scalar && scalar.kind() == Kind.STRING
                && (scalar.text().equals("anyone") || scalar.text().equals("admins"))) {
            return scalar.text().equals("admins");
        }
        problems.error(node.get().line(), "admins: slack_channels is anyone (everyone in a channel changes its"
                + " subscriptions) or admins (only the admins listed here), not " + node.get().describe());
        return false;
    }

    private List<YamlNode> items(Mapping mapping, String key, String example) {
        YamlNode node = mapping.entry(key).map(Entry::value).orElse(null);
        return NodeChecks.list(node, "admins: " + key, example, problems).orElse(List.of());
    }

    private Optional<Long> telegramUser(YamlNode item) {
        if (item instanceof Scalar scalar && scalar.kind() == Kind.INTEGER && TELEGRAM_USER.matcher(scalar.text()).matches()) {
            return Optional.of(Long.parseLong(scalar.text()));
        }
        problems.error(item.line(), "admins: telegram user ids must be positive whole numbers like 123456789, not "
                + item.describe());
        return Optional.empty();
    }

    private Optional<String> slackUser(YamlNode item) {
        if (item instanceof Scalar scalar && scalar.kind() == Kind.STRING && SLACK_USER.matcher(scalar.text()).matches()) {
            return Optional.of(scalar.text());
        }
        problems.error(item.line(), "admins: slack user ids look like U0123ABCD, not " + item.describe());
        return Optional.empty();
    }
}
