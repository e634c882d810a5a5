package io.herald.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Checks {@link Rouge} against the scores a public implementation computed (pltrdy/rouge test data). */
class RougeTest {

    private static final Path DATA = Path.of("..", "shared", "corpus", "summaries", "rouge-pltrdy", "tests",
            "data.json");

    @Test
    void agreesWithThePublishedScores() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DATA), DATA + " absent: skipped");
        JsonNode cases = new ObjectMapper().readTree(DATA.toFile());
        assertThat(cases.size()).isEqualTo(4);
        for (JsonNode c : cases) {
            List<String> hyp = List.of(c.get("hyp").asText().split(" "));
            List<String> ref = List.of(c.get("ref").asText().split(" "));
            JsonNode scores = c.get("scores");
            expect(Rouge.n(hyp, ref, 1), scores.get("rouge-1"));
            expect(Rouge.n(hyp, ref, 2), scores.get("rouge-2"));
            Rouge.Score l = Rouge.l(hyp, ref);
            assertThat(l.precision()).isCloseTo(scores.get("rouge-l").get("p").asDouble(), within(1e-12));
            assertThat(l.recall()).isCloseTo(scores.get("rouge-l").get("r").asDouble(), within(1e-12));
            assertThat(pltrdyLcsF(l)).isCloseTo(scores.get("rouge-l").get("f").asDouble(), within(1e-9));
        }
    }

    private static void expect(Rouge.Score actual, JsonNode expected) {
        assertThat(actual.precision()).isCloseTo(expected.get("p").asDouble(), within(1e-12));
        assertThat(actual.recall()).isCloseTo(expected.get("r").asDouble(), within(1e-12));
        assertThat(actual.f1()).isCloseTo(expected.get("f").asDouble(), within(1e-7));
    }

    /** That implementation's ROUGE-L F uses beta = P / R: F = (1 + b²) R P / (R + b² P). */
    private static double pltrdyLcsF(Rouge.Score s) {
        double beta = s.precision() / (s.recall() + 1e-12);
        return (1 + beta * beta) * s.recall() * s.precision() / (s.recall() + beta * beta * s.precision() + 1e-12);
    }

    @Test
    void countsDistinctNgramsAndTheLongestCommonSubsequence() {
        List<String> hyp = Rouge.tokens("The cat sat on the mat.");
        List<String> ref = Rouge.tokens("the cat lay on the red mat");
        assertThat(Rouge.n(hyp, ref, 1)).isEqualTo(new Rouge.Score(4 / 5.0, 4 / 6.0));
        assertThat(Rouge.n(hyp, ref, 2)).isEqualTo(new Rouge.Score(2 / 5.0, 2 / 6.0));
        assertThat(Rouge.l(hyp, ref)).isEqualTo(new Rouge.Score(5 / 6.0, 5 / 7.0));
        assertThat(Rouge.n(List.of(), ref, 1).f1()).isZero();
    }
}
