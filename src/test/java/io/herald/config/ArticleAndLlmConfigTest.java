package io.herald.config;

import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The feed key {@code fetch_article} and the {@code summarize.llm} section. */
class ArticleAndLlmConfigTest {
    private static final String FEED = "feeds:\n  - id: world\n    url: https://example.org/world.rss\n";

    @Test
    void articleFetchingIsOnUnlessAFeedTurnsItOff() throws Exception {
        HeraldConfig config = load("""
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                  - id: wire
                    url: https://example.org/wire.rss
                    fetch_article: false
                  - id: tech
                    url: https://example.org/tech.rss
                    fetch_article: true
                """).config();

        assertThat(config.feeds()).extracting(FeedConfig::id, FeedConfig::fetchArticle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("world", true),
                org.assertj.core.groups.Tuple.tuple("wire", false),
                org.assertj.core.groups.Tuple.tuple("tech", true));
    }

    @ParameterizedTest(name = "fetch_article: {0}")
    @CsvSource(delimiter = '|', value = {
        "\"false\" | the text 'false'",
        "0         | the number 0",
        "off-ish   | the text 'off-ish'",
        "[false]   | a list",
    })
    void fetchArticleMustBeABoolean(String value, String described) {
        assertThat(problems(FEED + "    fetch_article: " + value + "\n")).containsExactly(
                "herald.yml:4: feed world: fetch_article must be true or false, not " + described);
    }

    @Test
    void noSummarizeSectionMeansNoLlm() throws Exception {
        assertThat(load(FEED).config().llm()).isEmpty();
        assertThat(load(FEED + "summarize:\n").config().llm()).isEmpty();
        assertThat(load(FEED + "summarize:\n  llm:\n").config().llm()).isEmpty();
    }

    @Test
    void readsTheLlmEndpointModelAndTimeout() throws Exception {
        Optional<LlmConfig> llm = load(FEED + """
                summarize:
                  llm:
                    url: https://llm.example.org/v1/chat/completions
                    model: small-model
                    timeout: 3s
                """).config().llm();

        assertThat(llm).contains(new LlmConfig(URI.create("https://llm.example.org/v1/chat/completions"),
                "small-model", Duration.ofSeconds(3)));
    }

    @Test
    void llmTimeoutDefaultsToFiveSeconds() throws Exception {
        Optional<LlmConfig> llm = load("summarize:\n  llm:\n    url: http://127.0.0.1:8080/v1/chat/completions\n"
                + "    model: m\n").config().llm();

        assertThat(llm).map(LlmConfig::timeout).contains(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "llm:\\n    model: m                                  | 2 | summarize.llm: missing url (e.g. url: https://api.openai.com/v1/chat/completions)",
        "llm:\\n    url: https://e.org/v1/chat/completions    | 2 | summarize.llm: missing model (e.g. model: gpt-4o-mini)",
        "llm:\\n    url: ftp://e.org/x\\n    model: m          | 3 | summarize.llm: url 'ftp://e.org/x' must use http or https, not ftp",
        "llm:\\n    url: /v1/chat\\n    model: m               | 3 | summarize.llm: url '/v1/chat' is not an absolute URL: it must start with http:// or https://",
        "llm:\\n    url: http://e.org/c\\n    model: m\\n    timeout: 5 | 5 | summarize.llm: bad timeout: '5' is not a duration: add a unit (s, m, h or d), use e.g. 30s, 5m, 1h, 2h30m, 1d or PT5M",
        "llm:\\n    url: http://e.org/c\\n    model: m\\n    timeout: 10m | 5 | summarize.llm: timeout 10m is out of range: give PT0.1S to 2m (e.g. 5s)",
        "llm:\\n    url: http://e.org/c\\n    model: m\\n    key: sk-123 | 5 | summarize.llm: unknown key 'key' (expected one of: url, model, timeout)",
        "lm:\\n    url: http://e.org/c                         | 2 | summarize: unknown key 'lm' (did you mean 'llm'?)",
        "llm: http://e.org/c                                   | 2 | summarize.llm must be a mapping of keys to values, not the text 'http://e.org/c'",
    })
    void reportsLlmProblemsWithTheirLine(String yaml, int line, String message) {
        assertThat(problems("summarize:\n  " + yaml.replace("\\n", "\n") + "\n"))
                .contains("herald.yml:" + line + ": " + message);
    }
}
