package io.herald.config;

import static io.herald.config.TestConfigs.failure;
import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsEverySectionOfAFullConfig() throws Exception {
        Path file = write("""
                feeds:
                  - id: world                 # [a-z0-9-]+, unique
                    url: https://example.org/world.rss
                    interval: 5m
                  - id: tech-2
                    url: http://example.org/tech.xml
                admins:
                  telegram: [123456789]       # user ids
                  slack: [U0123ABCD]
                defaults:
                  interval: 15m
                network:
                  allow_private_addresses: true
                """);

        LoadedConfig loaded = ConfigLoader.load(file);

        HeraldConfig config = loaded.config();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(config.feeds()).containsExactly(
                new FeedConfig("world", URI.create("https://example.org/world.rss"), Duration.ofMinutes(5)),
                new FeedConfig("tech-2", URI.create("http://example.org/tech.xml"), Duration.ofMinutes(15)));
        assertThat(config.routes()).isEmpty();
        assertThat(config.admins()).isEqualTo(new Admins(java.util.Set.of(123456789L), java.util.Set.of("U0123ABCD")));
        assertThat(config.defaultInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.allowPrivateAddresses()).isTrue();
    }

    @Test
    void shippedConfigLoadsWithoutProblems() throws Exception {
        Path shipped = Path.of("config", "herald.yml");

        LoadedConfig loaded = ConfigLoader.load(shipped);

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().feeds()).isNotEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "\n", "# nothing configured yet\n", "~\n", "---\n"})
    void emptyFileIsAnEmptyConfig(String yaml) throws Exception {
        HeraldConfig config = load(yaml).config();

        assertThat(config.feeds()).isEmpty();
        assertThat(config.routes()).isEmpty();
        assertThat(config.admins()).isEqualTo(Admins.NONE);
        assertThat(config.defaultInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.allowPrivateAddresses()).isFalse();
    }

    @Test
    void emptySectionsAreEmpty() throws Exception {
        HeraldConfig config = load("""
                feeds:
                routes: []
                admins:
                  telegram:
                  slack: []
                defaults:
                network:
                """).config();

        assertThat(config.feeds()).isEmpty();
        assertThat(config.routes()).isEmpty();
        assertThat(config.admins()).isEqualTo(Admins.NONE);
        assertThat(config.defaultInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.allowPrivateAddresses()).isFalse();
    }

    @Test
    void missingFileIsOneShortProblem() {
        Path missing = dir.resolve("nope.yml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing));

        assertThat(e.problems()).containsExactly(missing + ": file not found");
        assertThat(e).hasMessage(missing + ": file not found");
    }

    @Test
    void directoryIsNotAConfigFile() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir));

        assertThat(e.problems()).containsExactly(dir + ": is a directory, not a config file");
    }

    @Test
    void problemsNameTheFileAsGiven() throws Exception {
        Path file = write("feeds: 3\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.problems()).singleElement().asString().startsWith(file + ":1: feeds must be a list");
    }

    @Test
    void yamlSyntaxErrorCarriesTheParsersLine() {
        assertThat(problems("""
                feeds:
                  - id: world
                    url: [https://example.org/world.rss
                  - id: tech
                """)).singleElement().asString()
                .startsWith("herald.yml:4: YAML syntax error: expected ',' or ']'")
                .contains("started at line 3")
                .doesNotContain("\n");
    }

    @Test
    void unclosedQuoteIsReportedWithinTheFile() {
        assertThat(problems("routes:\n  - id: desk\n    query: \"nato\n")).containsExactly(
                "herald.yml:3: YAML syntax error: found unexpected end of stream"
                        + " (while scanning a quoted scalar started at line 3)");
    }

    @Test
    void tabIndentationIsASyntaxError() {
        assertThat(problems("feeds:\n\t- id: world\n")).singleElement().asString()
                .startsWith("herald.yml:2: YAML syntax error:");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"- id: world\n", "just text\n", "42\n"})
    void topLevelMustBeAMapping(String yaml) {
        assertThat(problems(yaml)).singleElement().asString()
                .startsWith("herald.yml:1: the config must be a mapping with the keys feeds, routes, admins, defaults, network, delivery, summarize, retention, limits, not ");
    }

    @Test
    void duplicateKeysPointAtTheSecond() {
        assertThat(problems("""
                defaults:
                  interval: 5m
                defaults:
                  interval: 10m
                """)).containsExactly("herald.yml:3: duplicate key 'defaults' (first written at line 1)");
    }

    @Test
    void yamlAliasesAreRefused() {
        assertThat(problems("""
                defaults:
                  interval: &often 5m
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                    interval: *often
                """)).containsExactly("herald.yml:6: YAML aliases (*often) are not supported: write the value out");
    }

    @Test
    void onlyOneDocumentIsAllowed() {
        assertThat(problems("feeds: []\n---\nroutes: []\n"))
                .containsExactly("herald.yml:3: only one YAML document is allowed (found another one here)");
    }

    @Test
    void collectsEveryProblemInLineOrder() {
        ConfigException e = failure("""
                feeds:
                  - id: World
                    url: ftp://example.org/x
                  - url: https://example.org/y
                    intervall: 5m
                admins:
                  telegram: [abc]
                network:
                  allow_private_addresses: maybe
                """);

        assertThat(e.problems()).containsExactly(
                "herald.yml:2: feed #1: id 'World' may contain only lowercase letters a-z, digits 0-9 and '-'",
                "herald.yml:3: feed #1: url 'ftp://example.org/x' must use http or https, not ftp",
                "herald.yml:4: feed #2: missing id",
                "herald.yml:5: feed #2: unknown key 'intervall' (did you mean 'interval'?)",
                "herald.yml:7: admins: telegram user ids must be positive whole numbers like 123456789, not the text 'abc'",
                "herald.yml:9: network: allow_private_addresses must be true or false, not the text 'maybe'");
        assertThat(e).hasMessage(String.join("\n", e.problems()));
    }

    @Test
    void errorsKeepTheWarningsFoundAlongside() {
        ConfigException e = failure("""
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                    interval: 30s
                  - id: world
                    url: https://example.org/other.rss
                """);

        assertThat(e.problems()).containsExactly("herald.yml:5: feed world: duplicate id 'world' (first used at line 2)");
        assertThat(e.warnings()).singleElement().asString().startsWith("herald.yml:4: warning: feed world: interval 30s");
        assertThat(e.getMessage()).doesNotContain("warning");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("herald.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
