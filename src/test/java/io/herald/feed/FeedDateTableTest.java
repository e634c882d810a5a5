package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.conformance.GroupScore;
import org.junit.jupiter.api.Test;

/** Every row of the date table ({@link DateTableSuite}) holds: the goal is 100%. */
class FeedDateTableTest {

    @Test
    void everyDateOfTheTableIsReadInRssAtomAndJsonFeed() throws Exception {
        GroupScore score = new DateTableSuite().run();

        System.out.println(score.line());
        assertThat(DateTableSuite.rows().stream().filter(r -> r.source().startsWith("corpus:")).count())
                .as("real date strings from the shared corpora").isGreaterThanOrEqualTo(100);
        assertThat(score.failures()).as("dates read wrong").isEmpty();
        assertThat(score.total()).isEqualTo(DateTableSuite.rows().size());
    }
}
