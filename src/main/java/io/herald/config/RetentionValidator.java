package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Mapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code retention:} section: {@code max_age}, how long sent alerts and unlisted items are kept (1d to 10y). */
final class RetentionValidator {
    private static final Duration MIN = Duration.ofDays(1);
    private static final Duration MAX = Duration.ofDays(3650);

    private RetentionValidator() {
    }

    static Duration maxAge(YamlNode section, Problems problems) {
        Optional<Mapping> mapping = NodeChecks.mapping(section, "retention", problems);
        if (mapping.isEmpty()) {
            return HeraldConfig.DEFAULT_RETENTION;
        }
        NodeChecks.unknownKeys(mapping.get(), List.of("max_age"), "retention", problems);
        Optional<YamlNode> value = mapping.get().entry("max_age").map(Entry::value)
                .filter(n -> !NodeChecks.isEmpty(n));
        if (value.isEmpty()) {
            return HeraldConfig.DEFAULT_RETENTION;
        }
        Optional<String> text = NodeChecks.text(value.get(), "retention: max_age", problems);
        if (text.isEmpty()) {
            return HeraldConfig.DEFAULT_RETENTION;
        }
        try {
            Duration age = Durations.parse(text.get());
            if (age.compareTo(MIN) >= 0 && age.compareTo(MAX) <= 0) {
                return age;
            }
            problems.error(value.get().line(), "retention: max_age must be from 1d to 3650d, not " + text.get());
        } catch (IllegalArgumentException e) {
            problems.error(value.get().line(), "retention: bad max_age: " + e.getMessage());
        }
        return HeraldConfig.DEFAULT_RETENTION;
    }
}
