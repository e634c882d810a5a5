package io.herald.pipeline;

import io.herald.match.Document;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.pipeline.SubscriptionMatcher.Hit;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which new items alert which subscriptions. Each alert carries the query terms found in the item (for
 * highlighting) and a summary focused on them, computed once per item and set of terms. Only for a matching item is
 * the article page fetched (when the feed gives a teaser) and the optional LLM asked; the LLM is asked at most
 * {@value #LLM_CALLS_PER_POLL} times per poll, and the extractive summary stands in whenever it gives nothing.
 */
public final class AlertPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPlanner.class);

    private final Summarizer summarizer;
    static final int LLM_CALLS_PER_POLL = 20;

    private final int summaryChars;
    private final ArticleTexts articles;
    private final Optional<SummaryWriter> llm;
    private final SubscriptionMatcher matcher;

    /** A planner that summarises the feed's own text, extractively. */
    public AlertPlanner(SubscriptionStore subscriptions, Summarizer summarizer, int summaryChars) {
        this(subscriptions, summarizer, summaryChars, ArticleTexts.off(), Optional.empty());
    }

    /**
     * @param articles where the text of teaser items comes from
     * @param llm      the optional LLM summariser, tried before the extractive one
     */
    public AlertPlanner(SubscriptionStore subscriptions, Summarizer summarizer, int summaryChars,
                        ArticleTexts articles, Optional<SummaryWriter> llm) {
        this.matcher = new SubscriptionMatcher(subscriptions);
        this.summarizer = summarizer;
        this.summaryChars = summaryChars;
        this.articles = articles;
        this.llm = llm;
    }

    /** How many subscriptions the matching index holds (as of the last match). */
    public int indexSize() {
        return matcher.indexedCount();
    }

    /** Reads every active subscription into the matching index (at start, so that the first poll need not). */
    public int loadSubscriptions() {
        return matcher.load();
    }

    public List<PendingAlert> plan(String feedId, String feedTitle, List<Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        matcher.refresh();
        List<PendingAlert> alerts = new ArrayList<>();
        Summaries summaries = new Summaries(articles.poll());
        for (Item item : items) {
            Document document = Document.of(item);
            Map<Destination, List<Hit>> byDestination = new LinkedHashMap<>();
            for (Hit hit : matcher.match(document)) {
                byDestination.computeIfAbsent(hit.subscription().destination(), d -> new ArrayList<>()).add(hit);
            }
            byDestination.forEach((destination, hits) -> alerts.add(
                    alertFor(destination, hits, document, item, feedTitle, summaries)));
        }
        return alerts;
    }

    /**
     * One alert per destination and item, however many of the destination's subscriptions matched: the first
     * matching subscription owns the row (and its buttons); the alert shows every matched query and term.
     */
    private PendingAlert alertFor(Destination destination, List<Hit> hits, Document document, Item item,
                                  String feedTitle, Summaries summaries) {
        Subscription owner = hits.get(0).subscription();
        List<String> terms = hits.stream().flatMap(h -> matcher.explain(h, document).stream()).distinct().toList();
        String queries = hits.stream().map(h -> h.subscription().query()).distinct()
                .collect(java.util.stream.Collectors.joining(" · "));
        String summary = summaries.of(item, terms);
        return new PendingAlert(owner.id(), new Alert(0, destination, item, feedTitle, queries, summary, terms,
                owner.id()));
    }

    /** One poll's summaries: each item's text fetched once, each item and set of terms summarised once. */
    private final class Summaries {
        private final ArticleTexts.Poll texts;
        private final Map<Item, String> textByItem = new HashMap<>();
        private final Map<List<Object>, String> byItemAndTerms = new HashMap<>();
        private int llmCalls;

        Summaries(ArticleTexts.Poll texts) {
            this.texts = texts;
        }

        String of(Item item, List<String> terms) {
            return byItemAndTerms.computeIfAbsent(List.of(item, terms), key -> {
                String text = textByItem.computeIfAbsent(item, texts::textFor);
                return fromLlm(item, text, terms).orElseGet(() ->
                        summarizer.summarize(item.title(), text, FocusTerms.of(terms), summaryChars));
            });
        }

        private Optional<String> fromLlm(Item item, String text, List<String> terms) {
            if (llm.isEmpty() || text.isBlank() || llmCalls >= LLM_CALLS_PER_POLL) {
                return Optional.empty();
            }
            llmCalls++;
            try {
                return llm.get().summarize(item.title(), text, terms, summaryChars)
                        .filter(s -> !s.isBlank() && s.length() <= summaryChars);
            } catch (RuntimeException e) {
                LOG.info("feed {}: LLM summary failed ({}); using the extractive summary", item.feedId(), e.toString());
                return Optional.empty();
            }
        }
    }
}
