package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real-world feeds from node-feedparser's tests: a feed or one clear sentence, never a crash or raw markup. */
class CorpusSmokeTest {
    private static final Path FEEDS = Path.of("..", "shared", "corpus", "feeds", "node-feedparser", "test", "feeds");
    private static final URI BASE = URI.create("https://feeds.example/dir/feed.xml");
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(true));

    static Stream<Path> feeds() throws IOException {
        return Files.isDirectory(FEEDS) ? Files.list(FEEDS).sorted() : Stream.of(FEEDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void parsesOrRefusesInOneSentence(Path file) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FEEDS), FEEDS + " absent: skipped");
        byte[] body = Files.readAllBytes(file);

        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> {
            ParsedFeed feed = reader.parse("corpus", body, Optional.empty(), BASE);
            for (Item item : feed.items()) {
                assertThat(item.id()).isNotBlank();
                assertThat(item.title() + item.summary()).doesNotContain("<p>", "<br", "&amp;", "&lt;");
                assertThat(item.link()).satisfiesAnyOf(l -> assertThat(l).isEmpty(),
                        l -> assertThat(URI.create(l).isAbsolute()).isTrue());
            }
        }));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(FeedException.class);
            assertThat(thrown.getMessage()).startsWith("feed corpus: ").doesNotContain("\n").hasSizeLessThan(400);
        }
    }

    @Test
    void htmlPageIsNotAFeed() throws Exception {
        Path page = FEEDS.resolve("notafeed.html");
        Assumptions.assumeTrue(Files.isRegularFile(page), page + " absent: skipped");
        byte[] body = Files.readAllBytes(page);

        assertThatThrownBy(() -> reader.parse("corpus", body, Optional.of("text/html"), BASE))
                .hasMessage("feed corpus: the document is not an RSS, Atom or JSON feed");
    }

    @Test
    void relativeLinksBecomeAbsolute() throws Exception {
        Path file = FEEDS.resolve("rss-with-relative-urls.xml");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent: skipped");

        ParsedFeed feed = reader.parse("corpus", Files.readAllBytes(file), Optional.empty(), BASE);

        assertThat(feed.items()).isNotEmpty().allSatisfy(i -> assertThat(i.link()).startsWith("http"));
    }
}
