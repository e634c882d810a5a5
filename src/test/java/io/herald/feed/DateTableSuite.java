package io.herald.feed;

import io.herald.feed.conformance.GroupScore;
import io.herald.model.Item;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The date table ({@code src/test/resources/feed/dates.tsv}): real date strings from the shared corpora and the forms
 * real feeds write in other languages and standards, each with its expected instant. A row passes when its string,
 * read the three ways a feed carries a date (RSS {@code pubDate}, Atom {@code published}, JSON Feed
 * {@code date_published}), gives its instant to the second every time.
 */
final class DateTableSuite {
    private static final Path TABLE = Path.of("src", "test", "resources", "feed", "dates.tsv");
    private static final URI BASE = URI.create("https://news.example/feed");

    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(false));

    record Row(String raw, Instant expected, String source) {
    }

    GroupScore run() throws IOException {
        GroupScore score = new GroupScore("date table (RSS, Atom, JSON Feed)", "dates");
        for (Row row : rows()) {
            List<String> wrong = new ArrayList<>();
            check(wrong, row, "rss", "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>"
                    + "<guid>g</guid><pubDate>" + row.raw() + "</pubDate></item></channel></rss>");
            check(wrong, row, "atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry>"
                    + "<id>urn:a</id><title>a</title><published>" + row.raw() + "</published></entry></feed>");
            check(wrong, row, "json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\","
                    + "\"items\":[{\"id\":\"a\",\"title\":\"a\",\"date_published\":\"" + row.raw() + "\"}]}");
            score.record(wrong.isEmpty(), "'" + row.raw() + "' (" + row.source() + ") expected " + row.expected()
                    + ": " + String.join(", ", wrong));
        }
        return score;
    }

    private void check(List<String> wrong, Row row, String format, String document) {
        try {
            Item item = reader.parse("dates", document.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE)
                    .items().get(0);
            Optional<Instant> got = item.published().map(i -> i.truncatedTo(ChronoUnit.SECONDS));
            if (!got.equals(Optional.of(row.expected()))) {
                wrong.add(format + " got " + got.map(Instant::toString).orElse("no date"));
            }
        } catch (FeedException e) {
            wrong.add(format + " refused: " + e.getMessage());
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                rows.add(new Row(cells[0], Instant.parse(cells[1]), cells[2]));
            }
        }
        return rows;
    }
}
