package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testsupport.FeedServer;
import io.herald.testsupport.CapturedStdStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: output, exit codes (0 ok, 1 failure, 2 bad input) and one-line errors. */
class CliTest {
    private static final Path ARTICLE = Path.of("..", "shared", "corpus", "articles", "nato-kursk-north-korea.txt");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStdStreams std = new CapturedStdStreams();

    private int run(String... args) {
        return Main.execute(args);
    }

    private String out() {
        return std.out();
    }

    private String err() {
        return std.err();
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(run("version")).isZero();
        assertThat(out()).startsWith("herald ");
    }

    @Test
    void checkConfigAcceptsTheShippedConfig() {
        assertThat(run("check-config", "--config", "config/herald.yml")).isZero();
        assertThat(out()).contains("OK");
    }

    @Test
    void checkConfigReportsEveryProblemWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "feeds:\n  - id: World News\n    url: ftp://x\n");
        assertThat(run("check-config", "--config", bad.toString())).isEqualTo(2);
        assertThat(err()).contains(bad + ":2:").contains(bad + ":3:").doesNotContain("Exception");
    }

    @Test
    void feedInspectPrintsNormalisedJson() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, HeraldEndToEndTest.rss(HeraldEndToEndTest.item("g1", "Kursk &amp; more",
                "https://example.org/a", "<p>Hello <b>world</b> &amp; friends</p>")));
        assertThat(run("feed", "inspect", feed.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.at("/feed/format").asText()).isEqualTo("rss_2.0");
        assertThat(json.at("/items/0/title").asText()).isEqualTo("Kursk & more");
        assertThat(json.at("/items/0/summary").asText()).isEqualTo("Hello world & friends");
        assertThat(json.at("/items/0/published").asText()).isEqualTo("2026-11-30T07:05:00Z");
    }

    @Test
    void feedInspectOfANonFeedExitsTwoWithOneLine() throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><body><p>not a feed</p></body></html>");
        assertThat(run("feed", "inspect", page.toString())).isEqualTo(2);
        assertThat(err().strip().lines()).hasSize(1);
    }

    @Test
    void feedInspectRefusesLoopbackUnlessAllowed() {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/f.xml", "application/rss+xml", HeraldEndToEndTest.rss());
            String url = server.url("/f.xml").toString();
            assertThat(run("feed", "inspect", url, "--config", dir.resolve("none.yml").toString())).isEqualTo(2);
            assertThat(err()).contains("allow_private_addresses");
            assertThat(run("feed", "inspect", url, "--allow-private-addresses")).isZero();
            assertThat(out()).contains("World");
        }
    }

    @Test
    void matchDocsPrintsDocIdAndQueryIdPerMatch() throws Exception {
        Path docs = dir.resolve("docs.jsonl");
        Path queries = dir.resolve("q.tsv");
        Files.writeString(docs, """
                {"id":"d1","title":"Troops in Kursk","text":"North Korea's army","source":"world"}
                {"id":"d2","title":"Zürich","text":"COVID-19 rules","source":"science"}
                """);
        Files.writeString(queries, "q1\t\"north korea\"\nq2\tzurich covid-19\nq3\tsource:science OR kursk\n");
        assertThat(run("match", "--queries", queries.toString(), "--docs", docs.toString())).isZero();
        assertThat(out().lines()).containsExactly("d1\tq1", "d1\tq3", "d2\tq2", "d2\tq3");
        assertThat(err()).contains("documents/s");
    }

    @Test
    void matchRefusesABadQueryWithItsPosition() throws Exception {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "kursk");
        assertThat(run("match", "--query", "nato OR -sport", "--file", text.toString())).isEqualTo(2);
        assertThat(err()).contains("position 9");
    }

    @Test
    void summarizeTheCanonicalArticle() {
        assumeTrue(Files.isRegularFile(ARTICLE), "../shared/corpus is absent: canonical article test skipped");
        assertThat(run("summarize", "--query", "\"north korea\"", ARTICLE.toString())).isZero();
        String summary = out().strip();
        assertThat(summary.length()).isLessThanOrEqualTo(400);
        assertThat(summary).contains("NATO").contains("North Korean").contains("Kursk");
    }

    @Test
    void summarizeFetchesAnArticleUrlWithTheSsrfGuard() {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/a.html", "text/html; charset=utf-8", "<html><body><nav>Menu</nav><h1>Title</h1>"
                    + "<p>The council approved the budget on Tuesday. Work starts in May.</p></body></html>");
            String url = server.url("/a.html").toString();
            assertThat(run("summarize", url)).isEqualTo(2);
            assertThat(err()).contains("allow_private_addresses");
            assertThat(run("summarize", "--allow-private-addresses", "--max-chars", "60", url)).isZero();
            assertThat(out()).contains("The council approved the budget on Tuesday.").doesNotContain("Menu");
        }
    }

    @Test
    void unknownFileIsBadInput() {
        assertThat(run("summarize", dir.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err()).contains("file not found");
    }
}
