package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Kind;
import io.herald.config.YamlNode.Mapping;
import io.herald.config.YamlNode.Scalar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Validates the {@code delivery:} section; every key is optional and defaults to {@link DeliveryConfig#DEFAULTS}. */
final class DeliveryValidator {
    private static final List<String> KEYS = List.of("telegram_per_second", "telegram_chat_per_minute",
            "telegram_group_per_minute", "slack_per_second", "slack_channel_per_minute", "flood_window", "senders",
            "max_attempts");

    private final Problems problems;

    DeliveryValidator(Problems problems) {
        this.problems = problems;
    }

    DeliveryConfig validate(YamlNode section) {
        Optional<Mapping> mapping = NodeChecks.mapping(section, "delivery", problems);
        if (mapping.isEmpty()) {
            return DeliveryConfig.DEFAULTS;
        }
        Mapping m = mapping.get();
        NodeChecks.unknownKeys(m, KEYS, "delivery", problems);
        DeliveryConfig d = DeliveryConfig.DEFAULTS;
        return new DeliveryConfig(
                number(m, "telegram_per_second", d.telegramPerSecond(), 0.1, 1000, false),
                (int) number(m, "telegram_chat_per_minute", d.telegramChatPerMinute(), 1, 6000, true),
                (int) number(m, "telegram_group_per_minute", d.telegramGroupPerMinute(), 1, 6000, true),
                number(m, "slack_per_second", d.slackPerSecond(), 0, 1000, false),
                (int) number(m, "slack_channel_per_minute", d.slackChannelPerMinute(), 1, 6000, true),
                floodWindow(m, d.floodWindow()),
                (int) number(m, "senders", d.senders(), 1, 64, true),
                (int) number(m, "max_attempts", d.maxAttempts(), 1, 1000, true));
    }

    private double number(Mapping m, String key, double fallback, double min, double max, boolean whole) {
        Optional<YamlNode> node = m.entry(key).map(Entry::value).filter(n -> !NodeChecks.isEmpty(n));
        if (node.isEmpty()) {
            return fallback;
        }
        if (node.get() instanceof Scalar s && (s.kind() == Kind.INTEGER || (!whole && s.kind() == Kind.FLOAT))) {
            double value = Double.parseDouble(s.text());
            if (value >= min && value <= max) {
                return value;
            }
        }
        problems.error(node.get().line(), "delivery: " + key + " must be a " + (whole ? "whole " : "")
                + "number from " + format(min) + " to " + format(max) + ", not " + node.get().describe());
        return fallback;
    }

    private Duration floodWindow(Mapping m, Duration fallback) {
        Optional<YamlNode> node = m.entry("flood_window").map(Entry::value).filter(n -> !NodeChecks.isEmpty(n));
        if (node.isEmpty()) {
            return fallback;
        }
        if (node.get() instanceof Scalar s && s.kind() == Kind.INTEGER && s.text().equals("0")) {
            return Duration.ZERO;
        }
        Optional<String> text = NodeChecks.text(node.get(), "delivery: flood_window", problems);
        try {
            return text.map(Durations::parse).orElse(fallback);
        } catch (IllegalArgumentException e) {
            problems.error(node.get().line(), "delivery: bad flood_window: " + e.getMessage());
            return fallback;
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
