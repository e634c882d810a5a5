package io.herald.feed.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * gofeed's translator pairs (a document and gofeed's universal reading of it): a pair passes when the document
 * parses and every expected field that has a counterpart in Herald's model agrees (feed title and link; item
 * title, link, description/summary, content, guid/id, published date, author names, categories). Also its
 * universal-parser table (format detection and errors) and every parser test document (no crash, no hang).
 */
public final class GofeedSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BASE = URI.create("http://gofeed.test/feed");

    private final Path root;
    private final TimedParse parser;

    public GofeedSuite(Path root, TimedParse parser) {
        this.root = root;
        this.parser = parser;
    }

    public List<GroupScore> run() throws IOException {
        GroupScore pairs = new GroupScore("gofeed translator pairs", "pairs");
        for (String format : List.of("rss", "atom", "json")) {
            Path dir = root.resolve("testdata/translator").resolve(format);
            for (Path input : inputs(dir)) {
                expected(input).ifPresent(expected -> pair(pairs, input, expected));
            }
        }
        GroupScore universal = new GroupScore("gofeed universal table", "docs");
        for (String line : Files.readAllLines(root.resolve("universal-expected.tsv")).subList(1,
                Files.readAllLines(root.resolve("universal-expected.tsv")).size())) {
            universalRow(universal, line.split("\t", -1));
        }
        GroupScore documents = new GroupScore("gofeed parser documents", "docs");
        try (Stream<Path> files = Files.walk(root.resolve("testdata/parser"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(GofeedSuite::isDocument).sorted().toList()) {
                TimedParse.Outcome o = parser.parse(Files.readAllBytes(f), Optional.empty(), BASE);
                Scoring.noCrash(documents, root.relativize(f).toString(), o);
            }
        }
        return List.of(pairs, universal, documents);
    }

    /** Test documents: XML files, and JSON files that are neither expectations nor an XML file's expectation. */
    private static boolean isDocument(Path f) {
        String name = f.getFileName().toString();
        if (name.endsWith(".xml")) {
            return true;
        }
        return name.endsWith(".json") && !name.endsWith("_expected.json")
                && !Files.exists(f.resolveSibling(name.substring(0, name.length() - 5) + ".xml"));
    }

    private static List<Path> inputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".xml") || (dir.endsWith("json") && n.endsWith(".json")
                        && !n.endsWith("_expected.json"));
            }).sorted().toList();
        }
    }

    private static Optional<JsonNode> expected(Path input) {
        String name = input.getFileName().toString();
        Path expected = name.endsWith(".xml") ? input.resolveSibling(name.replace(".xml", ".json"))
                : input.resolveSibling(name.replace(".json", "_expected.json"));
        try {
            return Files.isRegularFile(expected) ? Optional.of(JSON.readTree(expected.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void pair(GroupScore score, Path input, JsonNode expected) {
        String name = input.getFileName().toString();
        TimedParse.Outcome o;
        try {
            o = parser.parse(Files.readAllBytes(input), Optional.empty(), BASE);
        } catch (IOException e) {
            score.fail(name + ": " + e.getMessage());
            return;
        }
        if (!Scoring.noCrash(null, name, o)) {
            Scoring.noCrash(score, name, o);
            return;
        }
        if (o.feed().isEmpty()) {
            score.fail(name + ": " + o.refused().map(Throwable::getMessage).orElse("no feed"));
            return;
        }
        List<String> wrong = compare(o.feed().get(), expected);
        score.record(wrong.isEmpty(), name + ": " + String.join("; ", wrong));
    }

    static List<String> compare(ParsedFeed feed, JsonNode expected) {
        List<String> wrong = new ArrayList<>();
        text(wrong, "feed.title", expected.path("title"), feed.title());
        exact(wrong, "feed.link", expected.path("link"), feed.link());
        JsonNode items = expected.path("items");
        for (int i = 0; i < items.size(); i++) {
            if (i >= feed.items().size()) {
                wrong.add("item " + i + " missing");
                continue;
            }
            JsonNode e = items.get(i);
            Item item = feed.items().get(i);
            text(wrong, i + ".title", e.path("title"), item.title());
            exact(wrong, i + ".link", e.path("link"), item.link());
            text(wrong, i + ".description", e.path("description"), item.summary());
            text(wrong, i + ".content", e.path("content"), item.content());
            exact(wrong, i + ".guid", e.path("guid"), item.id());
            JsonNode date = e.path("publishedParsed").isMissingNode() ? e.path("updatedParsed")
                    : e.path("publishedParsed");
            if (date.isTextual() && !item.published().equals(Optional.of(Instant.parse(date.asText())))) {
                wrong.add(i + ".published expected " + date.asText() + " got " + item.published());
            }
            List<String> names = new ArrayList<>();
            e.path("authors").forEach(a -> names.add(a.path("name").isMissingNode()
                    ? a.path("email").asText() : a.path("name").asText()));
            if (!names.isEmpty() && !item.authors().equals(names)) {
                wrong.add(i + ".authors expected " + names + " got " + item.authors());
            }
            List<String> categories = new ArrayList<>();
            e.path("categories").forEach(c -> categories.add(c.asText()));
            if (!categories.isEmpty() && !item.categories().equals(categories)) {
                wrong.add(i + ".categories expected " + categories + " got " + item.categories());
            }
        }
        return wrong;
    }

    private static void text(List<String> wrong, String field, JsonNode expected, String actual) {
        if (!expected.isTextual()) {
            return;
        }
        String got = Scoring.collapse(actual);
        if (!got.equals(Scoring.collapse(expected.asText()))
                && !got.equals(Scoring.collapse(Jsoup.parseBodyFragment(expected.asText()).text()))) {
            wrong.add(field + " expected '" + expected.asText() + "' got '" + actual + "'");
        }
    }

    private static void exact(List<String> wrong, String field, JsonNode expected, String actual) {
        if (expected.isTextual() && !actual.equals(expected.asText().strip())) {
            wrong.add(field + " expected '" + expected.asText() + "' got '" + actual + "'");
        }
    }

    private void universalRow(GroupScore score, String[] row) throws IOException {
        Path file = root.resolve(row[0]);
        TimedParse.Outcome o = parser.parse(Files.readAllBytes(file), Optional.empty(), BASE);
        if (!Scoring.noCrash(null, row[0], o)) {
            Scoring.noCrash(score, row[0], o);
        } else if (Boolean.parseBoolean(row[3])) {
            score.record(o.feed().isEmpty(), row[0] + " should be refused");
        } else {
            boolean ok = o.feed().map(f -> f.title().equals(row[2]) && f.format().startsWith(row[1])).orElse(false);
            score.record(ok, row[0] + " expected " + row[1] + " '" + row[2] + "' got "
                    + o.feed().map(f -> f.format() + " '" + f.title() + "'").orElse("refused"));
        }
    }
}
