package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The date table ({@code src/test/resources/feed/dates.tsv}): real date strings from the shared corpora and the forms
 * real feeds write in other languages and standards, each with its expected instant. Every string is read the three
 * ways a feed carries it (RSS {@code pubDate}, Atom {@code published}, JSON Feed {@code date_published}) and must
 * give its instant, to the second, every time: the goal is 100%.
 */
class FeedDateTableTest {
    private static final Path TABLE = Path.of("src", "test", "resources", "feed", "dates.tsv");
    private static final URI BASE = URI.create("https://news.example/feed");
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(false));

    record Row(String raw, Instant expected, String source) {
    }

    @Test
    void everyDateOfTheTableIsReadInEveryFormat() throws Exception {
        List<Row> rows = rows();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            check(wrong, row, "rss", rss(row.raw()));
            check(wrong, row, "atom", atom(row.raw()));
            check(wrong, row, "json", json(row.raw()));
        }
        System.out.printf("date table: %d of %d strings read right in RSS, Atom and JSON Feed%n",
                rows.size() - wrong.stream().map(w -> w.substring(w.indexOf(' '))).distinct().count(), rows.size());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100 + 80);
        assertThat(wrong).as("dates read wrong").isEmpty();
    }

    private void check(List<String> wrong, Row row, String format, String document) throws FeedException {
        Item item = reader.parse("dates", document.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE)
                .items().get(0);
        Optional<Instant> got = item.published().map(i -> i.truncatedTo(ChronoUnit.SECONDS));
        if (!got.equals(Optional.of(row.expected()))) {
            wrong.add(format + " '" + row.raw() + "' (" + row.source() + ") expected " + row.expected() + " got "
                    + got.map(Instant::toString).orElse("no date"));
        }
    }

    private static String rss(String date) {
        return "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><guid>g</guid><pubDate>" + date
                + "</pubDate></item></channel></rss>";
    }

    private static String atom(String date) {
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>urn:a</id><title>a</title>"
                + "<published>" + date + "</published></entry></feed>";
    }

    private static String json(String date) {
        return "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"a\","
                + "\"title\":\"a\",\"date_published\":\"" + date + "\"}]}";
    }

    static List<Row> rows() {
        try {
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    rows.add(new Row(cells[0], Instant.parse(cells[1]), cells[2]));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
