package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Mapping;
import io.herald.config.YamlNode.Scalar;
import io.herald.config.YamlNode.Kind;
import java.util.List;
import java.util.Optional;

/** Validates the {@code limits:} section; every key is optional and defaults to {@link FloodLimits#DEFAULTS}. */
final class LimitsValidator {
    static final int MAX = 1_000_000;
    private static final List<String> KEYS = List.of("max_new_items_per_poll", "max_pending_per_feed",
            "max_pending_per_destination");

    private final Problems problems;

    LimitsValidator(Problems problems) {
        this.problems = problems;
    }

    FloodLimits validate(YamlNode section) {
        Optional<Mapping> mapping = NodeChecks.mapping(section, "limits", problems);
        if (mapping.isEmpty()) {
            return FloodLimits.DEFAULTS;
        }
        Mapping m = mapping.get();
        NodeChecks.unknownKeys(m, KEYS, "limits", problems);
        FloodLimits d = FloodLimits.DEFAULTS;
        return new FloodLimits(number(m, "max_new_items_per_poll", d.maxNewItemsPerPoll()),
                number(m, "max_pending_per_feed", d.maxPendingPerFeed()),
                number(m, "max_pending_per_destination", d.maxPendingPerDestination()));
    }

    private int number(Mapping m, String key, int fallback) {
        Optional<YamlNode> node = m.entry(key).map(Entry::value).filter(n -> !NodeChecks.isEmpty(n));
        if (node.isEmpty()) {
            return fallback;
        }
        if (node.get() instanceof Scalar s && s.kind() == Kind.INTEGER && s.text().strip().matches("\\d{1,7}")) {
            int value = Integer.parseInt(s.text().strip());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        }
        problems.error(node.get().line(), "limits: " + key + " must be a whole number from 1 to " + MAX + ", not "
                + node.get().describe());
        return fallback;
    }
}
