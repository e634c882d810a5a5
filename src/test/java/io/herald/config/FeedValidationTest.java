package io.herald.config;

import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedValidationTest {

    private static String feed(String id, String url, String interval) {
        return "feeds:\n"
                + "  - id: " + id + "\n"
                + "    url: " + url + "\n"
                + (interval == null ? "" : "    interval: " + interval + "\n");
    }

    @Test
    void feedsMustBeAList() {
        assertThat(problems("feeds:\n  world: https://example.org/world.rss\n"))
                .containsExactly("herald.yml:2: feeds must be a list (- id: world), not a mapping");
    }

    @Test
    void feedEntryMustBeAMapping() {
        assertThat(problems("feeds:\n  - https://example.org/world.rss\n")).containsExactly(
                "herald.yml:2: feed #1: must be a mapping with id and url, not the text 'https://example.org/world.rss'");
    }

    @Test
    void feedNeedsIdAndUrl() {
        assertThat(problems("""
                feeds:
                  - url: https://example.org/world.rss
                  - id: tech
                  - id:
                    url:
                """)).containsExactly(
                "herald.yml:2: feed #1: missing id",
                "herald.yml:3: feed tech: missing url",
                "herald.yml:4: feed #3: missing id",
                "herald.yml:5: feed #3: missing url");
    }

    @ParameterizedTest(name = "id {0} is refused")
    @ValueSource(strings = {"World", "world news", "world_news", "'wörld'", "'a.b'", "\"x/y\"", "''"})
    void refusesIdsOutsideTheAllowedCharacters(String id) {
        assertThat(problems(feed(id, "https://example.org/world.rss", null))).singleElement().asString()
                .startsWith("herald.yml:2: feed #1: id '")
                .endsWith("' may contain only lowercase letters a-z, digits 0-9 and '-'");
    }

    @ParameterizedTest(name = "id {0} is accepted")
    @ValueSource(strings = {"world", "bbc-world", "2024", "a", "x-1-y"})
    void acceptsIdsOfLowercaseLettersDigitsAndDashes(String id) throws Exception {
        assertThat(load(feed(id, "https://example.org/world.rss", null)).config().feeds())
                .singleElement().extracting(FeedConfig::id).isEqualTo(id);
    }

    @Test
    void idMustBeASingleValue() {
        assertThat(problems(feed("[a, b]", "https://example.org/world.rss", null)))
                .containsExactly("herald.yml:2: feed #1: id must be a single value, not a list");
    }

    @Test
    void duplicateIdPointsAtTheSecondFeed() {
        assertThat(problems("""
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                  - id: tech
                    url: https://example.org/tech.rss
                  - id: world
                    url: https://example.org/world2.rss
                """)).containsExactly("herald.yml:6: feed world: duplicate id 'world' (first used at line 2)");
    }

    @ParameterizedTest(name = "url {0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://example.org/feed.xml      | must use http or https, not ftp",
        "file:///etc/passwd              | must use http or https, not file",
        "example.org/feed.xml            | is not an absolute URL: it must start with http:// or https://",
        "/feed.xml                       | is not an absolute URL: it must start with http:// or https://",
        "'https://exa mple.org/feed.xml' | is not a valid URL: Illegal character in authority at index 8",
        "'http://'                       | is not a valid URL: Expected authority at index 7",
        "'https:feed.xml'                | has no host name",
        "'http://exa_mple.org/feed'      | has no host name",
    })
    void refusesUrlsThatAreNotAbsoluteHttp(String url, String reason) {
        String shown = url.startsWith("'") ? url.substring(1, url.length() - 1) : url;
        assertThat(problems(feed("world", url, null)))
                .containsExactly("herald.yml:3: feed world: url '" + shown + "' " + reason);
    }

    @ParameterizedTest(name = "interval {0} = {1}")
    @CsvSource({
        "1m,    PT1M",
        "5m,    PT5M",
        "1h,    PT1H",
        "2h30m, PT2H30M",
        "1d,    PT24H",
        "PT5M,  PT5M",
    })
    void acceptsIntervalsFromOneMinuteWithoutWarning(String interval, String expected) throws Exception {
        LoadedConfig loaded = load(feed("world", "https://example.org/world.rss", interval));

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().feeds().get(0).interval()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "interval {0}")
    @ValueSource(strings = {"1s", "10s", "59s", "PT30S"})
    void warnsAboutIntervalsBelowOneMinute(String interval) throws Exception {
        LoadedConfig loaded = load(feed("world", "https://example.org/world.rss", interval));

        assertThat(loaded.warnings()).containsExactly("herald.yml:4: warning: feed world: interval " + interval
                + " is shorter than 1m: polling this often may get Herald rate-limited or blocked");
        assertThat(loaded.config().feeds()).hasSize(1);
    }

    @ParameterizedTest(name = "interval {0}")
    @CsvSource(delimiter = '|', value = {
        "10x    | bad interval: '10x' is not a duration",
        "10     | bad interval: '10' is not a duration: add a unit",
        "PT5X   | bad interval: 'PT5X' is not an ISO-8601 duration",
        "-PT5M  | bad interval: '-PT5M' is a negative duration",
        "0s     | interval 0s is too short: the minimum is 1s",
        "PT0.5S | interval PT0.5S is too short: the minimum is 1s",
        "[5m]   | interval must be a single value, not a list",
    })
    void refusesIntervalsThatAreNotDurationsOfAtLeastOneSecond(String interval, String message) {
        assertThat(problems(feed("world", "https://example.org/world.rss", interval)))
                .singleElement().asString().startsWith("herald.yml:4: feed world: " + message);
    }

    @Test
    void feedWithoutIntervalTakesTheDefaultsInterval() throws Exception {
        String feeds = feed("world", "https://example.org/world.rss", null);

        assertThat(load(feeds + "defaults:\n  interval: 1h\n").config().feeds().get(0).interval())
                .isEqualTo(Duration.ofHours(1));
        assertThat(load(feeds).config().feeds().get(0).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(load(feeds + "defaults:\n").config().feeds().get(0).interval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void emptyIntervalTakesTheDefault() throws Exception {
        assertThat(load(feed("world", "https://example.org/world.rss", "")).config().feeds().get(0).interval())
                .isEqualTo(Duration.ofMinutes(10));
    }
}
