package io.herald.config;

import io.herald.config.YamlNode.Mapping;
import io.herald.config.YamlNode.Scalar;
import io.herald.config.YamlNode.Sequence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Small shared checks on YAML nodes; each reports to {@link Problems} and returns empty when the value is unusable. */
final class NodeChecks {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

    private NodeChecks() {
    }

    /** Reports every key of {@code mapping} not in {@code known}; {@code where} prefixes the message, e.g. {@code feed world}. */
    static void unknownKeys(Mapping mapping, List<String> known, String where, Problems problems) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!known.contains(entry.key())) {
                String hint = Suggestions.closest(entry.key(), known)
                        .map(c -> " (did you mean '" + c + "'?)")
                        .orElse(" (expected one of: " + String.join(", ", known) + ")");
                problems.error(entry.keyLine(), where + ": unknown key '" + entry.key() + "'" + hint);
            }
        }
    }

    /** True when the node is absent or an empty value ({@code key:} or {@code key: ~}). */
    /** An id made of [a-z0-9-] that no earlier entry of the same list used; {@code seen} maps ids to lines. */
    static boolean uniqueId(String id, int line, String where, java.util.Map<String, Integer> seen,
                            Problems problems) {
        if (!FeedsValidator.ID.matcher(id).matches()) {
            problems.error(line, where + ": id '" + id + "' may contain only lowercase letters a-z, digits 0-9 and '-'");
            return false;
        }
        Integer first = seen.putIfAbsent(id, line);
        if (first != null) {
            problems.error(line, where + ": duplicate id '" + id + "' (first used at line " + first + ")");
            return false;
        }
        return true;
    }

    static boolean isEmpty(YamlNode node) {
        return node == null || node instanceof Scalar scalar && scalar.isNull();
    }

    /** The text of a single non-empty value, or empty (with an error when the node is a list or mapping). */
    static Optional<String> text(YamlNode node, String what, Problems problems) {
        if (isEmpty(node)) {
            return Optional.empty();
        }
        if (node instanceof Scalar scalar) {
            return Optional.of(scalar.text());
        }
        problems.error(node.line(), what + " must be a single value, not " + node.describe());
        return Optional.empty();
    }

    /** The items of a list; an empty value is an empty list; anything else is an error. */
    static Optional<List<YamlNode>> list(YamlNode node, String what, String example, Problems problems) {
        if (isEmpty(node)) {
            return Optional.of(List.of());
        }
        if (node instanceof Sequence sequence) {
            return Optional.of(sequence.items());
        }
        problems.error(node.line(), what + " must be a list (" + example + "), not " + node.describe());
        return Optional.empty();
    }

    /** A mapping; an empty value is an empty mapping; anything else is an error. */
    static Optional<Mapping> mapping(YamlNode node, String what, Problems problems) {
        if (isEmpty(node)) {
            return Optional.of(new Mapping(node == null ? 1 : node.line(), List.of()));
        }
        if (node instanceof Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.error(node.line(), what + " must be a mapping of keys to values, not " + node.describe());
        return Optional.empty();
    }

    /**
     * A true/false value: {@code fallback} when absent or empty, empty (with an error) when it is anything else.
     *
     * @param what e.g. {@code feed world: fetch_article}
     */
    static Optional<Boolean> flag(Optional<YamlNode> node, boolean fallback, String what, Problems problems) {
        if (node.isEmpty() || isEmpty(node.get())) {
            return Optional.of(fallback);
        }
        if (node.get() instanceof Scalar scalar && (scalar.kind() == YamlNode.Kind.TRUE
                || scalar.kind() == YamlNode.Kind.FALSE)) {
            return Optional.of(scalar.kind() == YamlNode.Kind.TRUE);
        }
        problems.error(node.get().line(), what + " must be true or false, not " + node.get().describe());
        return Optional.empty();
    }

    /**
     * A polling interval of at least 1s, with a warning below 1m; empty when absent or invalid.
     *
     * @param where e.g. {@code feed world} or {@code defaults}
     */
    static Optional<Duration> interval(YamlNode node, String where, Problems problems) {
        Optional<String> text = text(node, where + ": interval", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration interval;
        try {
            interval = Durations.parse(text.get());
        } catch (IllegalArgumentException e) {
            problems.error(node.line(), where + ": bad interval: " + e.getMessage());
            return Optional.empty();
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            problems.error(node.line(), where + ": interval " + text.get() + " is too short: the minimum is 1s");
            return Optional.empty();
        }
        if (interval.compareTo(WARN_INTERVAL) < 0) {
            problems.warning(node.line(), where + ": interval " + text.get()
                    + " is shorter than 1m: polling this often may get Herald rate-limited or blocked");
        }
        return Optional.of(interval);
    }
}
