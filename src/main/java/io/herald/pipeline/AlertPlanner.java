package io.herald.pipeline;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.PendingAlert;
import io.herald.store.SubscriptionStore;
import io.herald.summarize.FocusTerms;
import io.herald.summarize.Summarizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which new items alert which subscriptions. Each alert carries the query terms found in the item (for
 * highlighting) and a summary focused on them, computed once per item and set of terms.
 */
public final class AlertPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPlanner.class);

    private final SubscriptionStore subscriptions;
    private final Summarizer summarizer;
    private final int summaryChars;
    private final Map<String, Optional<Query>> compiled = new ConcurrentHashMap<>();

    public AlertPlanner(SubscriptionStore subscriptions, Summarizer summarizer, int summaryChars) {
        this.subscriptions = subscriptions;
        this.summarizer = summarizer;
        this.summaryChars = summaryChars;
    }

    public List<PendingAlert> plan(String feedId, String feedTitle, List<Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Subscription> active = subscriptions.active().stream().filter(s -> s.appliesTo(feedId)).toList();
        List<PendingAlert> alerts = new ArrayList<>();
        for (Item item : items) {
            Document document = Document.of(item);
            Map<Destination, List<Hit>> byDestination = new LinkedHashMap<>();
            for (Subscription s : active) {
                Optional<Query> query = compile(s);
                if (query.isPresent() && query.get().matches(document)) {
                    byDestination.computeIfAbsent(s.destination(), d -> new ArrayList<>())
                            .add(new Hit(s, query.get().explain(document)));
                }
            }
            Map<List<String>, String> summaries = new HashMap<>();
            byDestination.forEach((destination, hits) -> alerts.add(
                    alertFor(destination, hits, item, feedTitle, summaries)));
        }
        return alerts;
    }

    /**
     * One alert per destination and item, however many of the destination's subscriptions matched: the first
     * matching subscription owns the row (and its buttons); the alert shows every matched query and term.
     */
    private PendingAlert alertFor(Destination destination, List<Hit> hits, Item item, String feedTitle,
                                  Map<List<String>, String> summaries) {
        Subscription owner = hits.get(0).subscription();
        List<String> terms = hits.stream().flatMap(h -> h.terms().stream()).distinct().toList();
        String queries = hits.stream().map(h -> h.subscription().query()).distinct()
                .collect(java.util.stream.Collectors.joining(" · "));
        String summary = summaries.computeIfAbsent(terms, t ->
                summarizer.summarize(item.title(), item.text(), FocusTerms.of(t), summaryChars));
        return new PendingAlert(owner.id(), new Alert(0, destination, item, feedTitle, queries, summary, terms,
                owner.id()));
    }

    private record Hit(Subscription subscription, List<String> terms) {
    }

    private Optional<Query> compile(Subscription s) {
        return compiled.computeIfAbsent(s.query(), text -> {
            try {
                return Optional.of(Query.parse(text));
            } catch (QueryException e) {
                LOG.warn("subscription {} has a query that no longer parses ({}): skipped", s.id(), e.getMessage());
                return Optional.empty();
            }
        });
    }
}
