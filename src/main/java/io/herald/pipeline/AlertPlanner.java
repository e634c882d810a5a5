package io.herald.pipeline;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.model.Alert;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.PendingAlert;
import io.herald.store.SubscriptionStore;
import io.herald.summarize.FocusTerms;
import io.herald.summarize.Summarizer;
import java.util.ArrayList;
import java.util.HashMap;
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
            Map<List<String>, String> summaries = new HashMap<>();
            for (Subscription s : active) {
                Optional<Query> query = compile(s);
                if (query.isPresent() && query.get().matches(document)) {
                    List<String> terms = query.get().explain(document);
                    String summary = summaries.computeIfAbsent(terms, t ->
                            summarizer.summarize(item.title(), item.text(), FocusTerms.of(t), summaryChars));
                    alerts.add(new PendingAlert(s.id(), new Alert(0, s.destination(), item, feedTitle, s.query(),
                            summary, terms, s.id())));
                }
            }
        }
        return alerts;
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
