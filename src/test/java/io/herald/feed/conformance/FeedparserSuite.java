package io.herald.feed.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.feed.FeedReader;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * feedparser's test suite, driven by {@code feedparser-index.jsonl}: each document is parsed with its recorded HTTP
 * headers, and each of its checks whose path maps onto Herald's model (feed title and link; entry title, link,
 * summary/description, content, id/guid, published/updated date) is compared. Other checks (feedparser-only fields
 * such as tagline, copyright, detected encoding) are counted as unmapped.
 */
public final class FeedparserSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TITLE = Set.of("title", "title_detail.value");
    private static final Set<String> SUMMARY = Set.of("description", "summary", "summary_detail.value");
    private static final Set<String> DATE = Set.of("published_parsed", "updated_parsed");
    private static final Set<String> ID = Set.of("id", "guid");

    private final Path root;
    private final TimedParse parser;
    private final Map<String, GroupScore> checks = new HashMap<>();
    private final Map<String, GroupScore> documents = new HashMap<>();
    private int unmapped;

    public FeedparserSuite(Path root, TimedParse parser) {
        this.root = root;
        this.parser = parser;
    }

    /** Runs every indexed document; returns per category the mapped-check score and the document score. */
    public List<GroupScore> run() throws IOException {
        for (String line : Files.readAllLines(root.resolve("feedparser-index.jsonl"))) {
            if (!line.isBlank()) {
                runOne(JSON.readTree(line));
            }
        }
        return List.of(score(checks, "wellformed"), score(documents, "wellformed"), score(checks, "illformed"),
                score(documents, "illformed"), score(checks, "entities"), score(documents, "entities"),
                score(checks, "encoding"), score(documents, "encoding"));
    }

    /** Checks whose path has no counterpart in the model (reported, not scored). */
    public int unmapped() {
        return unmapped;
    }

    private GroupScore score(Map<String, GroupScore> scores, String category) {
        return scores.getOrDefault(category, new GroupScore("feedparser " + category, "?"));
    }

    private void runOne(JsonNode row) throws IOException {
        String path = row.path("path").asText();
        String category = row.path("category").asText();
        GroupScore checkScore = checks.computeIfAbsent(category,
                c -> new GroupScore("feedparser " + c + " checks", "checks"));
        GroupScore docScore = documents.computeIfAbsent(category,
                c -> new GroupScore("feedparser " + c + " documents", "docs"));
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, String> headers = headers(row.path("http_headers"));
        // feedparser reads the documents it does not serve over HTTP without a base URI, as Herald reads a file
        URI base = row.path("http_url_in_original_suite").isTextual()
                ? FeedReader.documentBase(URI.create(row.path("http_url_in_original_suite").asText()),
                        Optional.ofNullable(headers.get("content-location"))) : null;
        TimedParse.Outcome outcome = parser.parse(Files.readAllBytes(file),
                Optional.ofNullable(headers.get("content-type")), base);
        if (outcome.hung()) {
            docScore.hang(path);
        } else if (outcome.crash().isPresent()) {
            docScore.crash(path + ": " + outcome.crash().get());
        } else {
            boolean bozo = row.path("expected_bozo_lenient").asBoolean(false);
            docScore.record(outcome.parsed() || bozo, path + ": " + outcome.refused().map(Throwable::getMessage)
                    .orElse(""));
        }
        for (JsonNode check : row.path("checks")) {
            Optional<String> field = field(check);
            if (field.isEmpty()) {
                unmapped++;
                continue;
            }
            String why = path + " " + check.path("path") + " expected " + check.path("value");
            if (outcome.feed().isEmpty()) {
                checkScore.fail(why + " but the feed did not parse");
            } else {
                Optional<String> actual = actual(outcome.feed().get(), check.path("path"), field.get());
                boolean ok = matches(field.get(), check, actual);
                checkScore.record(ok, why + " got " + actual.orElse("(none)"));
            }
        }
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return out;
    }

    /** The model field a check's path maps to, or empty for feedparser-only fields. */
    static Optional<String> field(JsonNode check) {
        String op = check.path("op").asText();
        if (!op.equals("==") && !op.equals("falsy")) {
            return Optional.empty();
        }
        JsonNode p = check.path("path");
        if (p.size() >= 2 && p.get(0).asText().equals("feed")) {
            String rest = tail(p, 1);
            return TITLE.contains(rest) ? Optional.of("feed.title")
                    : rest.equals("link") ? Optional.of("feed.link") : Optional.empty();
        }
        if (p.size() >= 3 && p.get(0).asText().equals("entries") && p.get(1).isInt()) {
            String rest = tail(p, 2);
            if (TITLE.contains(rest)) {
                return Optional.of("title");
            }
            if (SUMMARY.contains(rest)) {
                return Optional.of("summary");
            }
            if (rest.equals("content.0.value")) {
                return Optional.of("content");
            }
            if (DATE.contains(rest)) {
                return Optional.of("published");
            }
            if (ID.contains(rest)) {
                return Optional.of("id");
            }
            return rest.equals("link") ? Optional.of("link") : Optional.empty();
        }
        return Optional.empty();
    }

    private static String tail(JsonNode path, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < path.size(); i++) {
            out.append(i == from ? "" : ".").append(path.get(i).asText());
        }
        return out.toString();
    }

    private static Optional<String> actual(ParsedFeed feed, JsonNode path, String field) {
        if (field.equals("feed.title")) {
            return Optional.of(feed.title());
        }
        if (field.equals("feed.link")) {
            return Optional.of(feed.link());
        }
        int index = path.get(1).asInt();
        if (index >= feed.items().size()) {
            return Optional.empty();
        }
        Item item = feed.items().get(index);
        return switch (field) {
            case "title" -> Optional.of(item.title());
            case "summary" -> Optional.of(item.summary().isBlank() ? item.content() : item.summary());
            case "content" -> Optional.of(item.content().isBlank() ? item.summary() : item.content());
            case "published" -> item.published().map(Instant::toString);
            case "id" -> Optional.of(item.id());
            default -> Optional.of(item.link());
        };
    }

    private static boolean matches(String field, JsonNode check, Optional<String> actual) {
        if (check.path("op").asText().equals("falsy")) {
            return actual.map(String::isBlank).orElse(true);
        }
        JsonNode value = check.path("value");
        if (field.equals("published")) {
            return actual.equals(Optional.of(structTime(value).toString()));
        }
        if (actual.isEmpty()) {
            return false;
        }
        String expected = value.asText();
        if (field.equals("id") || field.endsWith("link")) {
            return actual.get().equals(expected.strip());
        }
        String got = collapse(actual.get());
        return got.equals(collapse(expected)) || got.equals(collapse(Jsoup.parseBodyFragment(expected).text()));
    }

    private static Instant structTime(JsonNode t) {
        return LocalDateTime.of(t.get(0).asInt(), t.get(1).asInt(), t.get(2).asInt(), t.get(3).asInt(),
                t.get(4).asInt(), t.get(5).asInt()).toInstant(ZoneOffset.UTC);
    }

    private static String collapse(String s) {
        return s.replaceAll("[\\s\\u00a0\\u200b]+", " ").strip();
    }
}
