package io.herald.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.feed.conformance.GroupScore;
import io.herald.feed.conformance.TimedParse;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Encoding cases: miniflux's charset test files (each must decode to the text it was written in, listed here), and
 * feedparser's encoding documents (each must parse to text without U+FFFD or UTF-8-read-as-Latin-1 mojibake), and
 * feedparser's undeclared legacy encodings (its chardet cases: no declaration at all), each of which must parse,
 * without mojibake, to exactly the feed it gives when served with the charset feedparser names for it.
 */
final class EncodingSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MOJIBAKE = Pattern.compile("\\uFFFD|Ã[\\u0080-\\u00BF]|â€|[\\u0080-\\u009F\\u00A1-\\u00FF]{3}");
    private static final Map<String, String> MINIFLUX = Map.ofEntries(
            Map.entry("encoding_WINDOWS-1251.xml", "Новый цитатник"),
            Map.entry("encoding_ISO-8859-1.xml", "Golem.de"),
            Map.entry("no_encoding_ISO-8859-1.xml", "Le Cercle Psy"),
            Map.entry("urdu_UTF8.xml", "پاکستان"),
            Map.entry("rdf_UTF8.xml", "heise online"),
            Map.entry("iso88591_utf8_mismatch.xml", "Jürgen"),
            Map.entry("koi8r.xml", "Пример RSS ленты"),
            Map.entry("iso88591.xml", "Anaïs"),
            Map.entry("windows-1252.xml", "Euro €"),
            Map.entry("invalid-prolog.xml", "테스트 피드"),
            Map.entry("iso-8859-1.xml", "Présentation"),
            Map.entry("utf8-incorrect-prolog.xml", "테스트 피드"),
            Map.entry("utf8.xml", "Café"),
            Map.entry("windows-1252-incorrect-prolog.xml", "Euro €"),
            Map.entry("large_rss.xml", "Artificial truth"),
            Map.entry("large_atom.xml", "Artificial truth"),
            Map.entry("small_atom.xml", "Recent Commits"));

    private final Path feeds;
    private final TimedParse parser;

    EncodingSuite(Path feeds, TimedParse parser) {
        this.feeds = feeds;
        this.parser = parser;
    }

    List<GroupScore> run() throws IOException {
        GroupScore miniflux = new GroupScore("miniflux encodings", "files");
        try (Stream<Path> files = Files.walk(feeds.resolve("miniflux"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String expected = MINIFLUX.get(f.getFileName().toString());
                String text = XmlCharset.decode(Files.readAllBytes(f), Optional.empty()).text();
                boolean ok = expected != null && text.contains(expected) && !MOJIBAKE.matcher(text).find();
                miniflux.record(ok, f.getFileName() + " expected '" + expected + "'");
            }
        }
        GroupScore feedparser = readable("feedparser encoding readable", feeds.resolve("feedparser/tests/encoding"));
        return List.of(miniflux, feedparser, undeclared());
    }

    private GroupScore undeclared() throws IOException {
        GroupScore score = new GroupScore("undeclared legacy (chardet)", "docs");
        for (String line : Files.readAllLines(feeds.resolve("feedparser/feedparser-index.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            if (!row.path("subcategory").asText().equals("chardet")) {
                continue;
            }
            String charset = row.path("checks").get(0).path("value").asText();
            byte[] body = Files.readAllBytes(feeds.resolve("feedparser").resolve(row.path("path").asText()));
            URI base = URI.create("http://127.0.0.1/" + row.path("path").asText());
            TimedParse.Outcome guessed = parser.parse(body, Optional.empty(), base);
            TimedParse.Outcome declared = parser.parse(body, Optional.of("application/xml; charset=" + charset),
                    base);
            String text = guessed.feed().map(EncodingSuite::allText).orElse("\uFFFD not parsed");
            boolean same = declared.feed().map(EncodingSuite::allText).map(text::equals).orElse(false);
            score.record(same && !MOJIBAKE.matcher(text).find(), row.path("path").asText() + " (" + charset
                    + "): " + text);
        }
        return score;
    }

    private GroupScore readable(String name, Path dir) throws IOException {
        GroupScore score = new GroupScore(name, "docs");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.startsWith("bozo_") || file.contains("crash")) {
                    continue;
                }
                TimedParse.Outcome o = parser.parse(Files.readAllBytes(f), Optional.empty(),
                        URI.create("http://127.0.0.1/" + file));
                if (o.hung()) {
                    score.hang(file);
                } else if (o.crash().isPresent()) {
                    score.crash(file + ": " + o.crash().get());
                } else {
                    String text = o.feed().map(EncodingSuite::allText).orElse("\uFFFD not parsed");
                    score.record(!MOJIBAKE.matcher(text).find(), file + ": " + text);
                }
            }
        }
        return score;
    }

    private static String allText(ParsedFeed feed) {
        StringBuilder out = new StringBuilder(feed.title());
        for (Item item : feed.items()) {
            out.append(' ').append(item.title()).append(' ').append(item.summary()).append(' ').append(item.content());
        }
        return out.toString();
    }
}
