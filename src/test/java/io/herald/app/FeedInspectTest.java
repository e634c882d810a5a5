package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testsupport.CapturedStdStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald feed inspect FILE} on feeds as the wild writes them: relative links, entry documents, dates. */
class FeedInspectTest {
    private static final String RELATIVE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>ブログ</title><link>/blog/</link><description>d</description>
            <item><title>記事1</title><link>記事1のURL</link><pubDate>mer, 16 nov 2022 00:38:15 +0100</pubDate></item>
            <item><title>Old post</title><link>/blog/2003/12/13/atom03</link></item>
            <item xml:base="https://based.example/news/"><title>Based</title><link>story.html</link></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStdStreams std = new CapturedStdStreams();

    @Test
    void printsRelativeLinksAsWrittenAndNeverALocalPath() throws Exception {
        Path feed = Files.writeString(dir.resolve("relative.rss"), RELATIVE, StandardCharsets.UTF_8);

        assertThat(Main.execute("feed", "inspect", feed.toString())).isZero();
        String text = std.out();
        assertThat(text).contains("\n   記事1のURL\n").contains("\n   /blog/2003/12/13/atom03\n")
                .contains("\n   https://based.example/news/story.html\n").contains("2022-11-15T23:38:15Z")
                .doesNotContain("file:").doesNotContain(dir.toString());
    }

    @Test
    void printsRelativeLinksAsWrittenInJson() throws Exception {
        Path feed = Files.writeString(dir.resolve("relative.rss"), RELATIVE, StandardCharsets.UTF_8);

        assertThat(Main.execute("feed", "inspect", feed.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(std.out());
        assertThat(json.at("/feed/link").asText()).isEqualTo("/blog/");
        assertThat(json.at("/items/0/link").asText()).isEqualTo("記事1のURL");
        assertThat(json.at("/items/0/published").asText()).isEqualTo("2022-11-15T23:38:15Z");
        assertThat(json.at("/items/1/link").asText()).isEqualTo("/blog/2003/12/13/atom03");
        assertThat(json.at("/items/2/link").asText()).isEqualTo("https://based.example/news/story.html");
    }

    @Test
    void readsAnAtomEntryDocumentAsAFeedOfOneItem() throws Exception {
        Path entry = Files.writeString(dir.resolve("entry.atom"), """
                <entry xmlns="http://www.w3.org/2005/Atom"><title>Only entry</title><id>urn:e:1</id>
                <updated>2024-01-02T03:04:05Z</updated><link href="https://e.example/1"/></entry>""");

        assertThat(Main.execute("feed", "inspect", entry.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(std.out());
        assertThat(json.at("/feed/format").asText()).isEqualTo("atom_1.0");
        assertThat(json.path("items")).hasSize(1);
        assertThat(json.at("/items/0/link").asText()).isEqualTo("https://e.example/1");
        assertThat(json.at("/items/0/published").asText()).isEqualTo("2024-01-02T03:04:05Z");
    }

    @Test
    void aWebPageThatAnnouncesItsFeedIsInspectedThroughThatFeed() throws Exception {
        try (io.herald.testsupport.FeedServer web = io.herald.testsupport.FeedServer.start()) {
            web.publish("/blog/", "text/html; charset=utf-8", """
                    <html><head><link rel="alternate" type="application/atom+xml" href="/blog/atom.xml"></head>
                    <body>Blog</body></html>""");
            web.publish("/blog/atom.xml", "application/atom+xml", """
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>The Blog</title><id>urn:b</id>
                    <updated>2026-01-01T00:00:00Z</updated><entry><title>First post</title><id>urn:1</id>
                    <link href="/blog/1"/><updated>2026-01-01T00:00:00Z</updated></entry></feed>""");
            web.publish("/plain/", "text/html", "<html><head><title>No feed</title></head><body>x</body></html>");

            assertThat(Main.execute("feed", "inspect", web.url("/blog/").toString(), "--allow-private-addresses"))
                    .isZero();
            assertThat(std.out()).contains("The Blog", "First post", web.url("/blog/1").toString());
            assertThat(std.err()).contains("is a web page; reading the feed it announces: " + web.url("/blog/atom.xml"));

            assertThat(Main.execute("feed", "inspect", web.url("/plain/").toString(), "--allow-private-addresses"))
                    .isEqualTo(2);
            assertThat(std.err()).contains("is a web page that announces no feed");
        }
    }
}
