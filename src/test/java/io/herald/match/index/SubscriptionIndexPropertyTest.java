package io.herald.match.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.TextNormalizer;
import io.herald.match.index.MatchExplanation.Field;
import io.herald.match.index.MatchExplanation.Occurrence;
import io.herald.match.index.MatchExplanation.TermMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The index against brute force: every subscription's {@link Query#matches} (and feed limit) on every document,
 * over thousands of seeded random queries and documents, before and after random removals, replacements and
 * additions. Explanations must list exactly {@link Query#explain}'s terms, with spans that cover those words.
 */
class SubscriptionIndexPropertyTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private record Subscription(Query query, Set<String> feeds) {}

    private final RandomQueries generator = new RandomQueries(4_2024_0611L);
    private final Map<Long, Subscription> subscriptions = new HashMap<>();
    private final SubscriptionIndex index = new SubscriptionIndex();
    private long nextId = 1;
    private int matches;
    private int explained;

    @Test
    void agreesWithEvaluatingEveryQueryThroughAddsRemovesAndReplacements() {
        addRandom(3000);
        checkRandomDocuments(200);
        for (int round = 0; round < 4; round++) {
            removeRandom(subscriptions.size() / 3);
            replaceRandom(300);
            addRandom(800);
            assertThat(index.size()).isEqualTo(subscriptions.size());
            checkRandomDocuments(80);
        }
        removeRandom(subscriptions.size());
        assertThat(index.size()).isZero();
        assertThat(index.match(generator.document())).isEmpty();
        assertThat(matches).as("matches seen").isGreaterThan(10_000);
        assertThat(explained).as("explanations checked").isGreaterThan(1_000);
    }

    private void addRandom(int count) {
        int added = 0;
        while (added < count) {
            Optional<Query> query = generator.query();
            if (query.isPresent()) {
                put(nextId++ * 7919 - 50_000, query.get());
                added++;
            }
        }
    }

    private void put(long id, Query query) {
        Set<String> feeds = generator.feeds();
        subscriptions.put(id, new Subscription(query, feeds));
        index.add(id, query, feeds);
        assertThat(index.contains(id)).isTrue();
    }

    private void removeRandom(int count) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(subscriptions.keySet()));
        for (int i = 0; i < count && !ids.isEmpty(); i++) {
            long id = ids.remove(generator.random().nextInt(ids.size()));
            subscriptions.remove(id);
            assertThat(index.remove(id)).isTrue();
            assertThat(index.remove(id)).isFalse();
            assertThat(index.contains(id)).isFalse();
        }
    }

    private void replaceRandom(int count) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(subscriptions.keySet()));
        for (int i = 0; i < count; i++) {
            long id = ids.get(generator.random().nextInt(ids.size()));
            generator.query().ifPresent(query -> put(id, query));
        }
    }

    private void checkRandomDocuments(int count) {
        for (int d = 0; d < count; d++) {
            Document document = generator.document();
            Set<Long> expected = bruteForce(document);
            long[] actual = index.match(document);
            assertThat(actual).as("no duplicates for %s", document).doesNotHaveDuplicates();
            assertThat(asSet(actual)).as("matches for %s", document).isEqualTo(expected);
            matches += expected.size();
            if (d % 2 == 0) {
                checkExplanations(document, expected);
            }
        }
    }

    private Set<Long> bruteForce(Document document) {
        Set<Long> expected = new HashSet<>();
        subscriptions.forEach((id, s) -> {
            if ((s.feeds().isEmpty() || s.feeds().contains(document.source())) && s.query().matches(document)) {
                expected.add(id);
            }
        });
        return expected;
    }

    private void checkExplanations(Document document, Set<Long> expected) {
        List<MatchExplanation> all = index.matchExplained(document);
        assertThat(all.stream().map(MatchExplanation::subscriptionId).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        for (MatchExplanation explanation : all) {
            Query query = subscriptions.get(explanation.subscriptionId()).query();
            assertThat(explanation.termTexts()).as("%s on %s", query, document)
                    .isEqualTo(query.explain(document));
            assertThat(index.explain(explanation.subscriptionId(), document)).contains(explanation);
            explanation.terms().forEach(term -> checkSpans(term, document));
            explained++;
        }
    }

    /** Each occurrence's span, normalised again, is exactly the words it claims to cover. */
    private static void checkSpans(TermMatch term, Document document) {
        assertThat(term.occurrences()).isNotEmpty();
        for (Occurrence at : term.occurrences()) {
            if (at.field() == Field.SOURCE) {
                assertThat(document.source().substring(at.start(), at.end())).isEqualTo(document.source());
                continue;
            }
            String field = at.field() == Field.TITLE ? document.title() : document.text();
            List<String> words = at.field() == Field.TITLE ? document.titleWords() : document.textWords();
            assertThat(at.start()).as("%s in %s", term, field).isNotNegative();
            assertThat(NORMALIZER.words(field.substring(at.start(), at.end())))
                    .as("%s at %s in %s", term.term(), at, field)
                    .isEqualTo(words.subList(at.firstWord(), at.firstWord() + at.wordCount()));
        }
    }

    private static Set<Long> asSet(long[] ids) {
        return new HashSet<>(Arrays.stream(ids).boxed().toList());
    }
}
