package io.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.config.ConfigLoader;
import io.herald.config.HeraldConfig;
import io.herald.config.Settings;
import io.herald.model.Item;
import io.herald.pipeline.ArticleTexts;
import io.herald.testsupport.FakeLlmServer;
import io.herald.testsupport.FeedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config keys fetch_article and summarize.llm reach the running service. */
class SummariesTest {
    private static final String STORY = "NATO confirmed on Monday that North Korean troops have been deployed to the"
            + " Kursk region of Russia, calling it a dangerous expansion of the war, officials said. "
            + "Allies were consulting closely, the secretary general added, on how they would respond to it.";

    @TempDir
    Path dir;

    @Test
    void articlesAreFetchedOnlyForFeedsThatDoNotTurnItOff() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/story.html", "text/html", "<html><body><article><p>" + STORY + "</p></article></body></html>");
            HeraldConfig config = config("""
                    feeds:
                      - id: world
                        url: %1$s
                      - id: wire
                        url: %1$s
                        fetch_article: false
                    network:
                      allow_private_addresses: true
                    """.formatted(server.url("/feed.xml")));
            ArticleTexts texts = Summaries.articles(config, Clock.systemUTC());

            assertThat(texts.poll().textFor(teaser("wire", server))).isEqualTo("Teaser.");
            assertThat(server.requestCount("/story.html")).isZero();
            assertThat(texts.poll().textFor(teaser("world", server))).isEqualTo(STORY);
            assertThat(server.requestCount("/story.html")).isEqualTo(1);
        }
    }

    @Test
    void privateArticleAddressesFollowTheNetworkSetting() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.publish("/story.html", "text/html", "<html><body><article><p>" + STORY + "</p></article></body></html>");
            HeraldConfig config = config("feeds:\n  - id: world\n    url: https://example.org/feed.xml\n");

            assertThat(Summaries.articles(config, Clock.systemUTC()).poll().textFor(teaser("world", server)))
                    .isEqualTo("Teaser.");
            assertThat(server.requestCount("/story.html")).isZero();
        }
    }

    @Test
    void theLlmIsOnOnlyWithBothItsConfigAndItsKey() throws Exception {
        try (FakeLlmServer llm = FakeLlmServer.start()) {
            llm.answer("NATO confirmed North Korean troops are in Kursk.");
            HeraldConfig config = config("summarize:\n  llm:\n    url: " + llm.url() + "\n    model: m\n    timeout: 2s\n");
            Settings withKey = Settings.fromEnv(Map.of("HERALD_LLM_API_KEY", "sk-abc123"));
            Settings withoutKey = Settings.fromEnv(Map.of());

            assertThat(Summaries.llm(config, withoutKey)).isEmpty();
            assertThat(Summaries.llm(config("feeds: []\n"), withKey)).isEmpty();
            assertThat(Summaries.llm(config, withKey).orElseThrow().summarize("t", STORY, List.of("kursk"), 400))
                    .contains("NATO confirmed North Korean troops are in Kursk.");
            assertThat(llm.requests()).singleElement()
                    .satisfies(r -> assertThat(r.authorization()).contains("Bearer sk-abc123"));
        }
    }

    private HeraldConfig config(String yaml) throws Exception {
        Path file = dir.resolve("herald.yml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file).config();
    }

    private static Item teaser(String feedId, FeedServer server) {
        return new Item(feedId, "1", "NATO", server.url("/story.html").toString(), Optional.empty(), "Teaser.", "",
                List.of(), List.of());
    }
}
