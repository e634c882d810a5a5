package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lenient feed dates: feedparser's date vectors and the odd formats seen in real feeds. */
class FeedDatesTest {
    private static final Path VECTORS = Path.of("..", "shared", "corpus", "feeds", "feedparser",
            "derived-date-vectors.json");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thu, 01 Jan 2004 19:48:21 GMT        | 2004-01-01T19:48:21Z
            Thu, 01 Jan 04 19:48:21 EST          | 2004-01-02T00:48:21Z
            Mon, 26 January 2004 16:31:00 PT     | 2004-01-27T00:31:00Z
            2003-12-31T10:14:55-08:00            | 2003-12-31T18:14:55Z
            2004-07-08 23:56:58                  | 2004-07-08T23:56:58Z
            Sun Jan  4 16:29:06 2004             | 2004-01-04T16:29:06Z
            Fri, 2006/09/15 08:19:53 EDT         | 2006-09-15T12:19:53Z
            """)
    void parsesCommonAndOddFormats(String raw, String expected) {
        assertThat(FeedDates.parse(raw)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            not a date
            Sun, 99 Jun 2009 12:00:00 GMT
            2003-12-31T25:14:55Z
            """)
    void unparseableIsEmpty(String raw) {
        assertThat(FeedDates.parse(raw)).isEmpty();
    }

    /**
     * feedparser's iso8601 family reads {@code 03335} as year 03, day 335, while its w3dtf family refuses
     * {@code 22013} (same shape) as a too-long year: no parser can honour both; Herald refuses the shape.
     */
    private static final java.util.Set<String> CONFLICTING = java.util.Set.of("03335");

    @Test
    void feedparserDateVectorsAllHold() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(VECTORS), VECTORS + " absent: skipped");
        JsonNode vectors = new ObjectMapper().readTree(VECTORS.toFile()).path("vectors");
        List<String> wrong = new ArrayList<>();
        int total = 0;
        for (JsonNode v : vectors) {
            if (CONFLICTING.contains(v.path("input").asText())) {
                continue;
            }
            total++;
            Optional<Instant> expected = v.path("expected_utc").isNull()
                    ? Optional.empty() : Optional.of(Instant.parse(v.path("expected_utc").asText()));
            Optional<Instant> got = FeedDates.parse(v.path("input").asText());
            if (!got.equals(expected)) {
                wrong.add(v.path("format_family").asText() + " '" + v.path("input").asText() + "' expected "
                        + expected + " got " + got);
            }
        }
        System.out.println("date vectors: " + (total - wrong.size()) + "/" + total + " hold");
        assertThat(wrong).as("date vectors that do not hold").isEmpty();
    }
}
