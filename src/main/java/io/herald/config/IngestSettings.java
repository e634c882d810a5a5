package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Mapping;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Feed-ingestion keys: {@code defaults.max_failures} and {@code network.max_body_size}. */
final class IngestSettings {
    static final int MAX_FAILURES_LIMIT = 100_000;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|kib|mb|mib|gb|gib)?");
    private static final long MIN_BODY = 1024;
    private static final long MAX_BODY = 1024L * 1024 * 1024;

    private IngestSettings() {
    }

    /** Consecutive failures before a feed pauses: an integer from 1 to 100000; default 50. */
    static int maxFailures(YamlNode defaults, Problems problems) {
        Optional<YamlNode> value = entry(defaults, "max_failures");
        if (value.isEmpty()) {
            return HeraldConfig.DEFAULT_MAX_FAILURES;
        }
        Optional<String> text = NodeChecks.text(value.get(), "defaults: max_failures", problems);
        if (text.isPresent() && text.get().strip().matches("\\d{1,6}")) {
            int n = Integer.parseInt(text.get().strip());
            if (n >= 1 && n <= MAX_FAILURES_LIMIT) {
                return n;
            }
        }
        if (text.isPresent()) {
            problems.error(value.get().line(), "defaults: max_failures must be a whole number from 1 to "
                    + MAX_FAILURES_LIMIT + ", not " + value.get().describe());
        }
        return HeraldConfig.DEFAULT_MAX_FAILURES;
    }

    /** Largest feed document: bytes or a size such as {@code 10MiB}, {@code 512KiB}; 1 KiB to 1 GiB; default 10 MiB. */
    static long maxBodyBytes(YamlNode network, Problems problems) {
        Optional<YamlNode> value = entry(network, "max_body_size");
        if (value.isEmpty()) {
            return HeraldConfig.DEFAULT_MAX_BODY_BYTES;
        }
        Optional<String> text = NodeChecks.text(value.get(), "network: max_body_size", problems);
        if (text.isPresent()) {
            Matcher m = SIZE.matcher(text.get().strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long bytes = Long.parseLong(m.group(1)) * unit(m.group(2));
                if (bytes >= MIN_BODY && bytes <= MAX_BODY) {
                    return bytes;
                }
            }
            problems.error(value.get().line(), "network: max_body_size must be a size from 1KiB to 1GiB such as"
                    + " 10MiB or 512KiB, not " + value.get().describe());
        }
        return HeraldConfig.DEFAULT_MAX_BODY_BYTES;
    }

    private static long unit(String suffix) {
        if (suffix == null || suffix.equals("b")) {
            return 1;
        }
        return switch (suffix) {
            case "kb" -> 1000;
            case "kib" -> 1024;
            case "mb" -> 1000_000;
            case "mib" -> 1024 * 1024;
            case "gb" -> 1000_000_000;
            default -> 1024L * 1024 * 1024;
        };
    }

    private static Optional<YamlNode> entry(YamlNode section, String key) {
        if (section instanceof Mapping mapping) {
            return mapping.entry(key).map(Entry::value).filter(v -> !NodeChecks.isEmpty(v));
        }
        return Optional.empty();
    }
}
