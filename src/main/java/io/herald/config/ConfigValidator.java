package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Kind;
import io.herald.config.YamlNode.Mapping;
import io.herald.config.YamlNode.Scalar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Turns the YAML tree of a config file into a {@link HeraldConfig}, reporting every problem on the way. */
final class ConfigValidator {
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final List<String> KEYS = List.of("feeds", "routes", "admins", "defaults", "network", "delivery",
            "summarize", "retention", "limits");

    private final Problems problems;
    private final QueryCheck queryCheck;

    ConfigValidator(Problems problems, QueryCheck queryCheck) {
        this.problems = problems;
        this.queryCheck = queryCheck;
    }

    /** The config, or empty when any error was reported (including earlier ones, e.g. a duplicate key). */
    Optional<HeraldConfig> validate(YamlNode root) {
        Mapping top;
        if (NodeChecks.isEmpty(root)) {
            top = new Mapping(1, List.of());
        } else if (root instanceof Mapping mapping) {
            top = mapping;
        } else {
            problems.error(root.line(), "the config must be a mapping with the keys " + String.join(", ", KEYS)
                    + ", not " + root.describe());
            return Optional.empty();
        }
        NodeChecks.unknownKeys(top, KEYS, "top level", problems);
        Duration defaultInterval = defaults(section(top, "defaults"));
        int maxFailures = IngestSettings.maxFailures(section(top, "defaults"), problems);
        long maxBody = IngestSettings.maxBodyBytes(section(top, "network"), problems);
        FeedsValidator feeds = new FeedsValidator(problems, defaultInterval);
        List<FeedConfig> feedConfigs = feeds.validate(section(top, "feeds"));
        List<RouteConfig> routes = new RoutesValidator(problems, queryCheck, feeds.ids()).validate(section(top, "routes"));
        Admins admins = new AdminsValidator(problems).validate(section(top, "admins"));
        boolean allowPrivate = allowPrivateAddresses(section(top, "network"));
        DeliveryConfig delivery = new DeliveryValidator(problems).validate(section(top, "delivery"));
        Optional<LlmConfig> llm = new SummarizeValidator(problems).validate(section(top, "summarize"));
        Duration retention = RetentionValidator.maxAge(section(top, "retention"), problems);
        FloodLimits limits = new LimitsValidator(problems).validate(section(top, "limits"));
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new HeraldConfig(feedConfigs, routes, admins, defaultInterval, allowPrivate,
                delivery, llm, maxFailures, maxBody, retention, limits));
    }

    private static YamlNode section(Mapping top, String key) {
        return top.entry(key).map(Entry::value).orElse(null);
    }

    private Duration defaults(YamlNode section) {
        Optional<Mapping> mapping = NodeChecks.mapping(section, "defaults", problems);
        if (mapping.isEmpty()) {
            return DEFAULT_INTERVAL;
        }
        NodeChecks.unknownKeys(mapping.get(), List.of("interval", "max_failures"), "defaults", problems);
        return mapping.get().entry("interval")
                .flatMap(e -> NodeChecks.interval(e.value(), "defaults", problems))
                .orElse(DEFAULT_INTERVAL);
    }

    private boolean allowPrivateAddresses(YamlNode section) {
        Optional<Mapping> mapping = NodeChecks.mapping(section, "network", problems);
        if (mapping.isEmpty()) {
            return false;
        }
        NodeChecks.unknownKeys(mapping.get(), List.of("allow_private_addresses", "max_body_size"), "network",
                problems);
        Optional<YamlNode> value = mapping.get().entry("allow_private_addresses").map(Entry::value);
        if (value.isEmpty() || NodeChecks.isEmpty(value.get())) {
            return false;
        }
        if (value.get() instanceof Scalar scalar && (scalar.kind() == Kind.TRUE || scalar.kind() == Kind.FALSE)) {
            return scalar.kind() == Kind.TRUE;
        }
        problems.error(value.get().line(),
                "network: allow_private_addresses must be true or false, not " + value.get().describe());
        return false;
    }
}
