package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.conformance.FeedparserSuite;
import io.herald.feed.conformance.GroupScore;
import io.herald.feed.conformance.TimedParse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance over other projects' feed test corpora (read in place from ../shared/corpus/feeds). Prints the pass
 * rate of every group and holds the goals: at least 98% of feedparser's wellformed checks that map onto the model,
 * no crash and no hang anywhere.
 */
class FeedConformanceTest {
    private static final Path FEEDS = Path.of("..", "shared", "corpus", "feeds");
    private static final Duration PER_FILE = Duration.ofSeconds(10);

    @Test
    void corpusGroupsMeetTheirGoals() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FEEDS), FEEDS + " absent: conformance suite skipped");
        List<GroupScore> scores = new ArrayList<>();
        FeedparserSuite feedparser;
        try (TimedParse parser = new TimedParse(new FeedReader(FetchPolicy.defaults(true)), PER_FILE)) {
            feedparser = new FeedparserSuite(FEEDS.resolve("feedparser"), parser);
            scores.addAll(feedparser.run());
        }
        System.out.println("Feed conformance (" + feedparser.unmapped() + " feedparser checks not mapped):");
        for (GroupScore s : scores) {
            System.out.println("  " + s.line());
            s.failures().forEach(f -> System.out.println("      " + f));
        }
        assertThat(scores).allSatisfy(s -> assertThat(s.crashes() + s.hangs()).as(s.name()).isZero());
        assertThat(scores.get(0).rate()).as("feedparser wellformed mapped checks").isGreaterThanOrEqualTo(0.98);
    }
}
