package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedJsonTest {
    private static final ParsedFeed FEED = new ParsedFeed("World <News>", "https://news.example/", "rss_2.0", List.of(
            new Item("world", "g1", "NATO & Kursk", "https://news.example/a", Optional.of(
                    Instant.parse("2024-01-02T03:04:05.678Z")), "Short \"quoted\" summary", "Long content",
                    List.of("Ann"), List.of("World", "Europe")),
            new Item("world", "g2", "No date", "", Optional.empty(), "", "Only content\nhere", List.of(), List.of())));

    @Test
    void rendersTheInspectJsonContract() throws Exception {
        String json = FeedJson.render(FEED);

        assertThat(json).isEqualTo("{\"feed\":{\"title\":\"World <News>\",\"link\":\"https://news.example/\","
                + "\"format\":\"rss_2.0\"},\"items\":["
                + "{\"id\":\"g1\",\"title\":\"NATO & Kursk\",\"link\":\"https://news.example/a\","
                + "\"published\":\"2024-01-02T03:04:05Z\",\"summary\":\"Short \\\"quoted\\\" summary\","
                + "\"authors\":[\"Ann\"],\"categories\":[\"World\",\"Europe\"]},"
                + "{\"id\":\"g2\",\"title\":\"No date\",\"link\":\"\",\"published\":null,"
                + "\"summary\":\"Only content\\nhere\",\"authors\":[],\"categories\":[]}]}");
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.path("items").get(1).path("published").isNull()).isTrue();
    }

    @Test
    void rendersAReadableListing() {
        String text = FeedJson.renderText(FEED);

        assertThat(text).startsWith("World <News> [rss_2.0]\nhttps://news.example/\n2 items\n")
                .contains("1. NATO & Kursk\n   2024-01-02T03:04:05Z by Ann\n   https://news.example/a\n"
                        + "   Short \"quoted\" summary\n   id: g1\n")
                .contains("2. No date\n   no date\n   Only content here\n   id: g2\n");
    }

    @Test
    void readsFeedFilesAsBytesAndKeepsRelativeLinksAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("world.rss");
        Files.write(file, ("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel>"
                + "<title>Caf\u00e9 \u201cnews\u201d</title><link>index.html</link><description>d</description>"
                + "<item><title>x</title><link>/blog/2003/a</link></item>"
                + "<item><title>y</title><link>https://n.example/b</link></item></channel></rss>")
                .getBytes("windows-1252"));

        ParsedFeed feed = new FeedReader(FetchPolicy.defaults(false)).readFile("file", file);

        assertThat(feed.title()).isEqualTo("Café “news”");
        assertThat(feed.link()).isEqualTo("index.html");
        assertThat(feed.items()).extracting(Item::link).containsExactly("/blog/2003/a", "https://n.example/b");
        assertThat(FeedJson.render(feed)).contains("\"title\":\"Café “news”\"");
    }

    @Test
    void readsUtf8FilesWithoutDeclarationAsUtf8(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("feed.json"), ("{\"version\":\"https://jsonfeed.org/version/1\","
                + "\"title\":\"Zürich\",\"items\":[{\"id\":\"1\",\"content_text\":\"Grüße\"}]}")
                .getBytes(StandardCharsets.UTF_8));

        ParsedFeed feed = new FeedReader(FetchPolicy.defaults(false)).readFile("file", file);

        assertThat(feed.format()).isEqualTo("json_1.0");
        assertThat(feed.title()).isEqualTo("Zürich");
        assertThat(feed.items().get(0).content()).isEqualTo("Grüße");
    }

    @Test
    void missingFilesAreOneSentence(@TempDir Path dir) {
        Path missing = dir.resolve("nope.rss");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new FeedReader(FetchPolicy.defaults(false)).readFile("file", missing))
                .hasMessage("feed file: no such file " + missing);
    }
}
