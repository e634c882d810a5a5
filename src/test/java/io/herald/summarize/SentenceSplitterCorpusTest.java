package io.herald.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Splits the BBC articles of the shared corpus and compares with their reference sentence split (which has a few
 * errors of its own, e.g. quoted sentences glued together: hence a share, not all).
 */
class SentenceSplitterCorpusTest {

    private static final Path PAIRS = Path.of("..", "shared", "corpus", "summaries", "bbc-dev", "pairs.jsonl");

    @Test
    void reproducesTheReferenceSentencesOfTheBbcArticles() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PAIRS), PAIRS + " absent: skipped");
        SentenceSplitter splitter = new SentenceSplitter();
        ObjectMapper json = new ObjectMapper();
        int reference = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (String line : Files.readAllLines(PAIRS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            json.readTree(line).path("article_sentences").forEach(s -> expected.add(s.asText().strip()));
            Set<String> produced = new HashSet<>(splitter.split(String.join(" ", expected)));
            for (String sentence : expected) {
                reference++;
                if (produced.contains(sentence.replaceAll("\\s+", " "))) {
                    found++;
                } else if (missed.size() < 10) {
                    missed.add(sentence);
                }
            }
        }
        double recall = (double) found / reference;
        assertThat(reference).isGreaterThan(500);
        assertThat(recall).as("share of reference sentences reproduced; first misses: %s", missed)
                .isGreaterThanOrEqualTo(0.98);
    }
}
