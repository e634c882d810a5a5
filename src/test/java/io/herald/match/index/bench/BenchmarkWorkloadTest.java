package io.herald.match.index.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.match.index.SubscriptionIndex;
import io.herald.match.index.bench.Workload.Article;
import io.herald.match.index.bench.Workload.Subscription;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: on its workload (here with common query words, so that there are many
 * matches to compare) the index, brute force and Lucene Monitor agree.
 */
class BenchmarkWorkloadTest {
    private final Workload workload = new Workload(11);

    @Test
    void indexBruteForceAndLuceneMonitorFindTheSameMatches() throws Exception {
        assertAgreement(new Workload(11, 50_000, 1_000), 6_000, 40, 40 * 20);
    }

    /** The benchmark's own parameters (vocabulary, query ranks, article and query shapes), on fewer subscriptions. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Workload.Mix.class)
    void agreeOnEachMixOfTheBenchmark(Workload.Mix mix) throws Exception {
        Workload workload = new Workload(2024, Workload.DEFAULT_VOCABULARY, Workload.DEFAULT_QUERY_MIN_RANK, mix);
        assertAgreement(workload, 30_000, 30, mix == Workload.Mix.HEAVY ? 30 * 100 : 30 * 5);
    }

    @Test
    void theUsersMixHasEveryQueryShapeAndNonAsciiText() {
        Workload users = new Workload(2024, Workload.DEFAULT_VOCABULARY, Workload.DEFAULT_QUERY_MIN_RANK,
                Workload.Mix.USERS);
        List<String> queries = users.subscriptions(10_000, 9).stream().map(Subscription::query).toList();
        assertThat(queries).anyMatch(q -> q.endsWith("*")).anyMatch(q -> q.contains(" OR "))
                .anyMatch(q -> q.contains(" NOT ")).anyMatch(q -> q.startsWith("title:"))
                .anyMatch(q -> q.startsWith("source:")).anyMatch(q -> !q.chars().allMatch(c -> c < 128));
        List<Article> articles = users.articles(500, 7);
        long unicode = articles.stream().filter(a -> !(a.title() + a.text()).chars().allMatch(c -> c < 128)).count();
        assertThat(unicode).as("articles with a non-ASCII char").isBetween(50L, 450L);
    }

    private static void assertAgreement(Workload crowded, int subscriptionCount, int articleCount, int minMatches)
            throws Exception {
        List<Subscription> subscriptions = crowded.subscriptions(subscriptionCount, 12);
        List<Article> articles = crowded.articles(articleCount, 13);
        SubscriptionIndex index = new SubscriptionIndex();
        List<Query> queries = subscriptions.stream().map(s -> parse(s.query())).toList();
        for (int i = 0; i < subscriptions.size(); i++) {
            index.add(subscriptions.get(i).id(), queries.get(i), subscriptions.get(i).feeds());
        }
        int total = 0;
        try (LuceneMonitorEngine lucene = new LuceneMonitorEngine()) {
            lucene.register(subscriptions);
            for (Article article : articles) {
                Document document = new Document(article.title(), article.text(), article.source());
                Set<Long> expected = new HashSet<>();
                for (int i = 0; i < subscriptions.size(); i++) {
                    Subscription s = subscriptions.get(i);
                    if ((s.feeds().isEmpty() || s.feeds().contains(article.source()))
                            && queries.get(i).matches(document)) {
                        expected.add(s.id());
                    }
                }
                Set<Long> actual = Arrays.stream(index.match(document)).boxed().collect(Collectors.toSet());
                assertThat(actual).isEqualTo(expected);
                assertThat(lucene.matchIds(article)).isEqualTo(expected);
                total += expected.size();
            }
        }
        assertThat(total).as("matches over the articles").isGreaterThan(minMatches);
    }

    @Test
    void articlesAreAboutThreeKilobytesAndAFifthOfQueriesUseOperators() {
        List<Article> articles = workload.articles(200, 1);
        double averageLength = articles.stream().mapToInt(a -> a.title().length() + a.text().length()).average()
                .orElseThrow();
        assertThat(averageLength).isBetween(3_000.0, 3_400.0);
        List<Subscription> subscriptions = workload.subscriptions(10_000, 2);
        long withOperators = subscriptions.stream().filter(s -> s.query().matches(".*\\b(AND|NOT)\\b.*")).count();
        assertThat(withOperators).isBetween(1_800L, 2_200L);
        assertThat(subscriptions.stream().map(Subscription::id).distinct().count()).isEqualTo(10_000);
    }

    private static Query parse(String text) {
        try {
            return Query.parse(text);
        } catch (QueryException e) {
            throw new AssertionError(text, e);
        }
    }
}
