package io.herald.config;

import io.herald.config.YamlNode.Mapping;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates the {@code feeds:} section. */
final class FeedsValidator {
    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final List<String> KEYS = List.of("id", "url", "interval", "fetch_article");

    private final Problems problems;
    private final Duration defaultInterval;
    /** Every feed id written in the file, valid or not, with the line of its first use. */
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    FeedsValidator(Problems problems, Duration defaultInterval) {
        this.problems = problems;
        this.defaultInterval = defaultInterval;
    }

    /** The feeds that are fully valid; problems for the others are reported. */
    List<FeedConfig> validate(YamlNode section) {
        List<YamlNode> items = NodeChecks.list(section, "feeds", "- id: world", problems).orElse(List.of());
        List<FeedConfig> feeds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            feed(items.get(i), i + 1).ifPresent(feeds::add);
        }
        return feeds;
    }

    /** The ids written in the feeds section, in file order (used to check routes' {@code feeds:}). */
    List<String> ids() {
        return List.copyOf(ids.keySet());
    }

    private Optional<FeedConfig> feed(YamlNode item, int number) {
        if (!(item instanceof Mapping mapping)) {
            problems.error(item.line(), "feed #" + number + ": must be a mapping with id and url, not " + item.describe());
            return Optional.empty();
        }
        Optional<YamlNode.Entry> idEntry = mapping.entry("id");
        Optional<String> id = idEntry.flatMap(e -> NodeChecks.text(e.value(), "feed #" + number + ": id", problems));
        String where = id.filter(t -> ID.matcher(t).matches()).map(t -> "feed " + t).orElse("feed #" + number);
        NodeChecks.unknownKeys(mapping, KEYS, where, problems);
        if (id.isEmpty() && (idEntry.isEmpty() || NodeChecks.isEmpty(idEntry.get().value()))) {
            problems.error(idEntry.map(YamlNode.Entry::keyLine).orElse(mapping.line()), where + ": missing id");
        }
        boolean idOk = id.isPresent() && NodeChecks.uniqueId(id.get(), idEntry.get().value().line(), where, ids, problems);
        Optional<URI> url = url(mapping, where);
        Optional<Duration> interval = interval(mapping, where);
        Optional<Boolean> fetchArticle = NodeChecks.flag(mapping.entry("fetch_article").map(YamlNode.Entry::value),
                true, where + ": fetch_article", problems);
        if (!idOk || url.isEmpty() || interval.isEmpty() || fetchArticle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FeedConfig(id.get(), url.get(), interval.get(), fetchArticle.get()));
    }

    /** The feed's interval, the default when it has none, or empty when it is invalid. */
    private Optional<Duration> interval(Mapping mapping, String where) {
        Optional<YamlNode> node = mapping.entry("interval").map(YamlNode.Entry::value);
        if (node.isEmpty() || NodeChecks.isEmpty(node.get())) {
            return Optional.of(defaultInterval);
        }
        return NodeChecks.interval(node.get(), where, problems);
    }

    private Optional<URI> url(Mapping mapping, String where) {
        Optional<YamlNode.Entry> entry = mapping.entry("url");
        Optional<String> text = entry.flatMap(e -> NodeChecks.text(e.value(), where + ": url", problems));
        if (text.isEmpty()) {
            if (entry.isEmpty() || NodeChecks.isEmpty(entry.get().value())) {
                problems.error(entry.map(YamlNode.Entry::keyLine).orElse(mapping.line()), where + ": missing url");
            }
            return Optional.empty();
        }
        int line = entry.get().value().line();
        Optional<String> problem = urlProblem(text.get());
        problem.ifPresent(p -> problems.error(line, where + ": url '" + text.get() + "' " + p));
        return problem.isPresent() ? Optional.empty() : Optional.of(URI.create(text.get()));
    }

    /** Why {@code text} is not an absolute http(s) URL, or empty when it is one. */
    static Optional<String> urlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        if (!uri.isAbsolute()) {
            return Optional.of("is not an absolute URL: it must start with http:// or https://");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must use http or https, not " + uri.getScheme());
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host name");
        }
        return Optional.empty();
    }
}
