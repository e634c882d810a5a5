package io.herald.match.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Matching on several threads while subscriptions come and go: stable subscriptions are always found. */
class SubscriptionIndexConcurrencyTest {
    @Test
    void matchersAlwaysSeeStableSubscriptionsWhileOthersAreAddedAndRemoved() throws Exception {
        SubscriptionIndex index = new SubscriptionIndex();
        for (long id = 0; id < 200; id++) {
            index.add(id, Query.parse(id % 2 == 0 ? "nato" : "\"nato summit\" OR kur*"), Set.of());
        }
        Document document = new Document("NATO summit", "kursk", "world");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> matchers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                matchers.add(pool.submit(() -> matchUntil(stop, index, document)));
            }
            Future<?> writer = pool.submit(() -> churn(index));
            writer.get(30, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<Integer> matcher : matchers) {
                assertThat(matcher.get(30, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        for (long id = 1_000; id < 1_500; id++) {
            index.remove(id);
        }
        assertThat(index.size()).isEqualTo(200);
        assertThat(index.match(document)).hasSize(200);
    }

    private static int matchUntil(AtomicBoolean stop, SubscriptionIndex index, Document document) {
        int runs = 0;
        while (!stop.get() || runs == 0) {
            long[] ids = index.match(document);
            long stable = Arrays.stream(ids).filter(id -> id < 200).count();
            assertThat(stable).isEqualTo(200);
            assertThat(ids).doesNotHaveDuplicates();
            runs++;
        }
        return runs;
    }

    private static Void churn(SubscriptionIndex index) throws QueryException {
        Query[] queries = {Query.parse("nato"), Query.parse("summit -kursk"), Query.parse("kur* OR title:nato")};
        for (int round = 0; round < 20_000; round++) {
            long id = 1_000 + round % 500;
            index.add(id, queries[round % 3], Set.of());
            if (round % 2 == 0) {
                index.remove(1_000 + (round * 7) % 500);
            }
        }
        return null;
    }
}
