package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.feed.conformance.FeedparserSuite;
import io.herald.feed.conformance.GofeedSuite;
import io.herald.feed.conformance.GroupScore;
import io.herald.feed.conformance.SmokeSuites;
import io.herald.feed.conformance.TimedParse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance over other projects' feed test corpora (read in place from ../shared/corpus/feeds) and the date table.
 * Prints the pass rate of every group and holds the goals: at least 99% of feedparser's wellformed checks that map
 * onto the model, at least 98% of gofeed's translator pairs, every encoding case readable and correct (undeclared
 * legacy encodings included), every date of the table, no attack leak, no crash and no hang anywhere (each file has
 * a deadline).
 */
class FeedConformanceTest {
    private static final Path FEEDS = Path.of("..", "shared", "corpus", "feeds");
    private static final String SECRET = "herald-secret-7f3a9c";
    private static final Duration PER_FILE = Duration.ofSeconds(10);

    @Test
    void corpusGroupsMeetTheirGoals(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FEEDS), FEEDS + " absent: conformance suite skipped");
        List<GroupScore> scores = new ArrayList<>();
        FeedparserSuite feedparser;
        try (TimedParse parser = new TimedParse(new FeedReader(FetchPolicy.defaults(true)), PER_FILE)) {
            feedparser = new FeedparserSuite(FEEDS.resolve("feedparser"), parser);
            scores.addAll(feedparser.run());
            scores.addAll(new GofeedSuite(FEEDS.resolve("gofeed"), parser).run());
            scores.addAll(new EncodingSuite(FEEDS, parser).run());
            Path secretFile = dir.resolve("secret.txt");
            Files.writeString(secretFile, SECRET);
            scores.addAll(new SmokeSuites(FEEDS, parser).run(secretFile, SECRET));
        }
        scores.add(new DateTableSuite().run());
        System.out.println("Feed conformance (" + feedparser.unmapped() + " feedparser checks not mapped):");
        for (GroupScore s : scores) {
            System.out.println("  " + s.line());
            s.failures().forEach(f -> System.out.println("      " + f));
        }
        assertThat(scores).allSatisfy(s -> assertThat(s.crashes() + s.hangs()).as(s.name()).isZero());
        assertThat(rate(scores, "feedparser wellformed checks")).isGreaterThanOrEqualTo(0.99);
        assertThat(rate(scores, "gofeed translator pairs")).isGreaterThanOrEqualTo(0.98);
        assertThat(rate(scores, "undeclared legacy (chardet)")).isEqualTo(1.0);
        assertThat(rate(scores, "date table (RSS, Atom, JSON Feed)")).isEqualTo(1.0);
        assertThat(rate(scores, "miniflux encodings")).isEqualTo(1.0);
        assertThat(rate(scores, "feedparser encoding readable")).isEqualTo(1.0);
        assertThat(rate(scores, "feedparser encoding documents")).isEqualTo(1.0);
        assertThat(rate(scores, "defusedxml attacks (0 leaks)")).isEqualTo(1.0);
    }

    private static double rate(List<GroupScore> scores, String name) {
        return scores.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name)).rate();
    }
}
