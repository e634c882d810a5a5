package io.herald.config;

import io.herald.config.YamlNode.Entry;
import io.herald.config.YamlNode.Mapping;
import io.herald.match.QueryException;
import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validates the {@code routes:} section: ids, queries, destinations and the feeds they name. */
final class RoutesValidator {
    private static final List<String> KEYS = List.of("id", "query", "to", "feeds", "preview");

    private final Problems problems;
    private final QueryCheck queryCheck;
    private final List<String> feedIds;
    private final Map<String, Integer> ids = new HashMap<>();

    RoutesValidator(Problems problems, QueryCheck queryCheck, List<String> feedIds) {
        this.problems = problems;
        this.queryCheck = queryCheck;
        this.feedIds = List.copyOf(feedIds);
    }

    /** The routes that are fully valid; problems for the others are reported. */
    List<RouteConfig> validate(YamlNode section) {
        List<YamlNode> items = NodeChecks.list(section, "routes", "- id: security-desk", problems).orElse(List.of());
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            route(items.get(i), i + 1).ifPresent(routes::add);
        }
        return routes;
    }

    private Optional<RouteConfig> route(YamlNode item, int number) {
        if (!(item instanceof Mapping mapping)) {
            problems.error(item.line(), "route #" + number + ": must be a mapping with id, query and to, not "
                    + item.describe());
            return Optional.empty();
        }
        Optional<Entry> idEntry = mapping.entry("id");
        Optional<String> id = idEntry.flatMap(e -> NodeChecks.text(e.value(), "route #" + number + ": id", problems));
        String where = id.filter(t -> FeedsValidator.ID.matcher(t).matches())
                .map(t -> "route " + t).orElse("route #" + number);
        NodeChecks.unknownKeys(mapping, KEYS, where, problems);
        if (id.isEmpty() && (idEntry.isEmpty() || NodeChecks.isEmpty(idEntry.get().value()))) {
            problems.error(idEntry.map(Entry::keyLine).orElse(mapping.line()), where + ": missing id");
        }
        boolean idOk = id.isPresent() && NodeChecks.uniqueId(id.get(), idEntry.get().value().line(), where, ids, problems);
        Optional<String> query = query(mapping, where);
        Optional<List<Destination>> to = destinations(mapping, where);
        Optional<Set<String>> feeds = feeds(mapping, where);
        Optional<Optional<LinkPreview>> preview = preview(mapping, where);
        if (!idOk || query.isEmpty() || to.isEmpty() || feeds.isEmpty() || preview.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteConfig(id.get(), query.get(), to.get(), feeds.get(), preview.get()));
    }

    /** The route's link preview (empty when not given), or empty when what is given is not one. */
    private Optional<Optional<LinkPreview>> preview(Mapping mapping, String where) {
        Optional<Entry> entry = mapping.entry("preview");
        if (entry.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        Optional<String> text = NodeChecks.text(entry.get().value(), where + ": preview", problems);
        Optional<LinkPreview> preview = text.flatMap(LinkPreview::parse);
        if (preview.isEmpty()) {
            problems.error(entry.get().value().line(), where + ": preview must be large, small or none"
                    + text.map(t -> ", not '" + t + "'").orElse(""));
            return Optional.empty();
        }
        return Optional.of(preview);
    }

    private Optional<String> query(Mapping mapping, String where) {
        Optional<Entry> entry = mapping.entry("query");
        Optional<String> query = entry.flatMap(e -> NodeChecks.text(e.value(), where + ": query", problems));
        if (query.isEmpty()) {
            if (entry.isEmpty() || NodeChecks.isEmpty(entry.get().value())) {
                problems.error(entry.map(Entry::keyLine).orElse(mapping.line()), where + ": missing query");
            }
            return Optional.empty();
        }
        try {
            queryCheck.check(query.get());
            return query;
        } catch (QueryException e) {
            problems.error(entry.get().value().line(),
                    where + ": bad query at position " + e.position() + ": " + e.detail());
            return Optional.empty();
        }
    }

    private Optional<List<Destination>> destinations(Mapping mapping, String where) {
        Optional<Entry> entry = mapping.entry("to");
        if (entry.isEmpty() || NodeChecks.isEmpty(entry.get().value())) {
            problems.error(entry.map(Entry::keyLine).orElse(mapping.line()),
                    where + ": missing 'to' (where to send matches, e.g. to: [\"slack:C0123ABCD\"])");
            return Optional.empty();
        }
        Optional<List<YamlNode>> items = NodeChecks.list(entry.get().value(), where + ": to",
                "to: [\"slack:C0123ABCD\", \"telegram:-1001234567890\"]", problems);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            problems.error(entry.get().keyLine(), where + ": 'to' is empty: give at least one destination");
            return Optional.empty();
        }
        Set<Destination> destinations = new LinkedHashSet<>();
        boolean ok = true;
        for (YamlNode item : items.get()) {
            Optional<Destination> destination = destination(item, where);
            destination.ifPresent(destinations::add);
            ok &= destination.isPresent();
        }
        return ok ? Optional.of(List.copyOf(destinations)) : Optional.empty();
    }

    private Optional<Destination> destination(YamlNode item, String where) {
        Optional<String> text = NodeChecks.text(item, where + ": destination", problems);
        if (text.isEmpty()) {
            if (NodeChecks.isEmpty(item)) {
                problems.error(item.line(), where + ": empty destination in 'to'");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Destination.parse(text.get()));
        } catch (IllegalArgumentException e) {
            problems.error(item.line(), where + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Set<String>> feeds(Mapping mapping, String where) {
        Optional<YamlNode> node = mapping.entry("feeds").map(Entry::value);
        Optional<List<YamlNode>> items = NodeChecks.list(node.orElse(null), where + ": feeds", "feeds: [world]", problems);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Set<String> feeds = new LinkedHashSet<>();
        boolean ok = true;
        for (YamlNode item : items.get()) {
            Optional<String> feed = NodeChecks.text(item, where + ": feed id", problems);
            if (feed.isPresent() && feedIds.contains(feed.get())) {
                feeds.add(feed.get());
                continue;
            }
            ok = false;
            feed.ifPresentOrElse(
                    f -> problems.error(item.line(), where + ": unknown feed '" + f + "'" + Suggestions.hint(f, feedIds)),
                    () -> reportEmptyFeed(item, where));
        }
        return ok ? Optional.of(feeds) : Optional.empty();
    }

    private void reportEmptyFeed(YamlNode item, String where) {
        if (NodeChecks.isEmpty(item)) {
            problems.error(item.line(), where + ": empty feed id in 'feeds'");
        }
    }
}
