package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import io.herald.testsupport.FeedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DOCTYPEs are allowed (RSS 0.91 needs them); these tests prove that no file content or network call leaks through
 * entities and that entity bombs are bounded in time and size.
 */
class XmlAttackTest {
    private static final Path XMLTESTDATA = Path.of("..", "shared", "corpus", "feeds", "defusedxml", "xmltestdata");
    private static final URI BASE = URI.create("https://news.example/feed.xml");
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(true));

    static Stream<Path> defusedxmlSamples() throws IOException {
        if (!Files.isDirectory(XMLTESTDATA)) {
            return Stream.of(XMLTESTDATA);
        }
        return Files.list(XMLTESTDATA).filter(p -> p.toString().endsWith(".xml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defusedxmlSamples")
    void defusedxmlSamplesAreRefusedQuicklyWithoutLeaking(Path sample) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(XMLTESTDATA), XMLTESTDATA + " absent: skipped");
        byte[] body = Files.readAllBytes(sample);

        Throwable thrown = assertTimeoutPreemptively(BOUND,
                () -> catchThrowable(() -> reader.parse("x", body, Optional.of("application/xml"), BASE)));

        assertThat(thrown).as("none of the samples is a feed").isInstanceOf(FeedException.class);
        if (Set.of("cyclic.xml", "quadratic.xml").contains(sample.getFileName().toString())) {
            assertThat(thrown).hasMessageContaining("entities exceed the safety limits");
        }
        assertThat(thrown.getMessage()).hasSizeLessThan(400).doesNotContain("root:").doesNotContain("BBBBBBBBBB")
                .doesNotContain("1234567890").startsWith("feed x: ");
    }

    @Test
    void externalFileEntityNeverReadsTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY-7f3a9");
        String doc = rss("<!DOCTYPE rss [<!ENTITY ee SYSTEM \"" + secret.toUri() + "\">]>", "&ee;");
        assertNoLeak(doc, "CANARY-7f3a9");
    }

    @Test
    void externalEntityOnEtcPasswdNeverLeaks() throws Exception {
        String doc = rss("<!DOCTYPE rss [<!ENTITY ee SYSTEM \"file:///etc/passwd\">]>", "before &ee; after");
        assertNoLeak(doc, "root:");
    }

    @Test
    void externalEntitiesAndDtdsMakeNoNetworkCall() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/evil.dtd", "application/xml-dtd", "<!ENTITY leak \"LEAKED\">");
            server.publish("/entity.txt", "text/plain", "LEAKED");
            String general = rss("<!DOCTYPE rss [<!ENTITY ee SYSTEM \"" + server.url("/entity.txt") + "\">]>", "&ee;");
            String parameter = rss("<!DOCTYPE rss [<!ENTITY % ext SYSTEM \"" + server.url("/evil.dtd")
                    + "\"> %ext;]>", "x");
            String external = rss("<!DOCTYPE rss SYSTEM \"" + server.url("/evil.dtd") + "\">", "x");

            for (String doc : new String[] {general, parameter, external}) {
                assertNoLeak(doc, "LEAKED");
            }
            assertThat(server.requestCount("/evil.dtd") + server.requestCount("/entity.txt")).isZero();
        }
    }

    @Test
    void billionLaughsInAFeedIsBounded() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertBounded(rss(dtd.toString(), "&lol10;"));
    }

    @Test
    void quadraticBlowupInAFeedIsBounded() throws Exception {
        String dtd = "<!DOCTYPE rss [<!ENTITY a \"" + "B".repeat(50_000) + "\">]>";
        assertBounded(rss(dtd, "&a;".repeat(50_000)));
    }

    private void assertBounded(String doc) {
        byte[] body = doc.getBytes(StandardCharsets.UTF_8);
        Throwable thrown = assertTimeoutPreemptively(BOUND,
                () -> catchThrowable(() -> reader.parse("x", body, Optional.empty(), BASE)));
        assertThat(thrown).isInstanceOf(FeedException.class)
                .hasMessage("feed x: the document's entities exceed the safety limits (entity expansion attack?)");
    }

    private void assertNoLeak(String doc, String secret) {
        byte[] body = doc.getBytes(StandardCharsets.UTF_8);
        Object result = assertTimeoutPreemptively(BOUND, () -> {
            try {
                return reader.parse("x", body, Optional.empty(), BASE);
            } catch (FeedException e) {
                return e;
            }
        });
        if (result instanceof ParsedFeed feed) {
            assertThat(feed.title()).doesNotContain(secret);
            for (Item item : feed.items()) {
                assertThat(item.title() + item.summary() + item.content()).doesNotContain(secret);
            }
        } else {
            Throwable e = (Throwable) result;
            for (Throwable c = e; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(secret);
            }
        }
    }

    private static String rss(String doctype, String titleContent) {
        return "<?xml version=\"1.0\"?>" + doctype + "<rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://news.example/</link><description>d</description><item><title>" + titleContent
                + "</title><description>" + titleContent + "</description></item></channel></rss>";
    }
}
