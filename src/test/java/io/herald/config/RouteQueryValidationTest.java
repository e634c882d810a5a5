package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Route queries checked by the real query language ({@code io.herald.match.Query.parse}) through the public
 * {@link ConfigLoader#load(Path)}.
 */
class RouteQueryValidationTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheRouteFromTheInterfaceDocs() throws Exception {
        Path file = write("""
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                routes:
                  - id: security-desk
                    query: '"north korea" OR kursk'
                    to: ["slack:C0123ABCD", "telegram:-1001234567890"]
                    feeds: [world]
                """);

        LoadedConfig loaded = ConfigLoader.load(file);

        assertThat(loaded.config().routes()).singleElement()
                .extracting(RouteConfig::query).isEqualTo("\"north korea\" OR kursk");
    }

    @ParameterizedTest(name = "query: {0}")
    @ValueSource(strings = {"'(kursk'", "'-sport'", "'nato OR -sport'", "''", "'\"north korea'"})
    void reportsABadQueryWithItsPosition(String query) throws Exception {
        Path file = write("""
                routes:
                  - id: security-desk
                    to: ["console:"]
                    query: %s
                """.formatted(query));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.problems()).singleElement().asString().matches(
                Pattern.quote(file + ":4: route security-desk: bad query at position ") + "\\d+: \\S.*");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("herald.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
