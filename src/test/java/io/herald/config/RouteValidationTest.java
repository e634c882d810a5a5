package io.herald.config;

import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.match.QueryException;
import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Route structure: ids, destinations and feeds. Queries are accepted as they are here; checking them with the real
 * query language is {@link RouteQueryValidationTest}.
 */
class RouteValidationTest {
    private static final String FEEDS = """
            feeds:
              - id: world
                url: https://example.org/world.rss
              - id: tech
                url: https://example.org/tech.rss
            """;

    /** Routes start at line 6, after the two feeds. */
    private static String routes(String routes) {
        return FEEDS + "routes:\n" + routes;
    }

    @Test
    void readsARoute() throws Exception {
        List<RouteConfig> routes = load(routes("""
                  - id: security-desk
                    query: '"north korea" OR kursk'
                    to: ["slack:C0123ABCD", "telegram:-1001234567890", "console:"]
                    feeds: [world]
                  - id: everything
                    query: nato
                    to:
                      - telegram:42
                """)).config().routes();

        assertThat(routes).containsExactly(
                new RouteConfig("security-desk", "\"north korea\" OR kursk",
                        List.of(Destination.slack("C0123ABCD"), Destination.telegram(-1001234567890L), Destination.CONSOLE),
                        Set.of("world")),
                new RouteConfig("everything", "nato", List.of(Destination.telegram(42)), Set.of()));
    }

    @Test
    void routesMustBeAList() {
        assertThat(problems(routes("  security-desk: nato\n")))
                .containsExactly("herald.yml:7: routes must be a list (- id: security-desk), not a mapping");
    }

    @Test
    void routeNeedsIdQueryAndTo() {
        assertThat(problems(routes("""
                  - query: nato
                    to: ["console:"]
                  - id: desk
                  - id: other
                    query:
                    to: []
                """))).containsExactly(
                "herald.yml:7: route #1: missing id",
                "herald.yml:9: route desk: missing query",
                "herald.yml:9: route desk: missing 'to' (where to send matches, e.g. to: [\"slack:C0123ABCD\"])",
                "herald.yml:11: route other: missing query",
                "herald.yml:12: route other: 'to' is empty: give at least one destination");
    }

    @Test
    void routeIdsFollowTheFeedIdRules() {
        assertThat(problems(routes("""
                  - id: Security Desk
                    query: nato
                    to: ["console:"]
                  - id: desk
                    query: nato
                    to: ["console:"]
                  - id: desk
                    query: kursk
                    to: ["console:"]
                """))).containsExactly(
                "herald.yml:7: route #1: id 'Security Desk' may contain only lowercase letters a-z, digits 0-9 and '-'",
                "herald.yml:13: route desk: duplicate id 'desk' (first used at line 10)");
    }

    @ParameterizedTest(name = "to: [{0}]")
    @CsvSource(delimiter = '|', value = {
        "\"slack:c0123\"           | slack destination needs a channel id like C0123ABCD, got 'c0123'",
        "\"telegram:@news\"        | telegram destination needs a numeric chat id (and for a forum topic /<topic id>), got '@news'",
        "\"telegram:-100/x\"       | telegram destination needs a numeric chat id (and for a forum topic /<topic id>), got '-100/x'",
        "\"email:a@example.org\"   | unknown destination platform 'email': use telegram:, slack: or console:",
        "C0123ABCD                 | destination 'C0123ABCD' must look like telegram:<chat id>, slack:<channel id> or console:",
        "[\"slack:C1\"]            | destination must be a single value, not a list",
        "~                         | empty destination in 'to'",
    })
    void refusesInvalidDestinations(String destination, String message) {
        assertThat(problems(routes("  - id: desk\n    query: nato\n    to: [\"console:\", " + destination + "]\n")))
                .containsExactly("herald.yml:9: route desk: " + message);
    }

    @Test
    void previewMustBeLargeSmallOrNone() {
        assertThat(problems(routes("  - id: desk\n    query: nato\n    to: [\"telegram:-100/7\"]\n    preview: huge\n")))
                .containsExactly("herald.yml:10: route desk: preview must be large, small or none, not 'huge'");
    }

    @Test
    void readsARouteToAForumTopicWithItsPreview() throws Exception {
        assertThat(load(routes("  - id: desk\n    query: nato\n    to: [\"telegram:-100/7\"]\n    preview: none\n"))
                .config().routes()).containsExactly(new RouteConfig("desk", "nato",
                List.of(Destination.telegram(-100, 7)), Set.of(), Optional.of(LinkPreview.NONE)));
    }

    @Test
    void toMustBeAList() {
        assertThat(problems(routes("  - id: desk\n    query: nato\n    to: slack:C0123ABCD\n"))).containsExactly(
                "herald.yml:9: route desk: to must be a list (to: [\"slack:C0123ABCD\", \"telegram:-1001234567890\"]),"
                        + " not the text 'slack:C0123ABCD'");
    }

    @Test
    void feedsMustNameConfiguredFeeds() {
        assertThat(problems(routes("""
                  - id: desk
                    query: nato
                    to: ["console:"]
                    feeds:
                      - world
                      - wrold
                      - sports
                """))).containsExactly(
                "herald.yml:12: route desk: unknown feed 'wrold' (did you mean 'world'?)",
                "herald.yml:13: route desk: unknown feed 'sports'");
    }

    @Test
    void feedsMayNameAFeedWrittenAfterTheRoutes() throws Exception {
        String yaml = """
                routes:
                  - id: desk
                    query: nato
                    to: ["console:"]
                    feeds: [world]
                feeds:
                  - id: world
                    url: https://example.org/world.rss
                """;

        assertThat(load(yaml).config().routes()).singleElement()
                .extracting(RouteConfig::feeds).isEqualTo(Set.of("world"));
    }

    @Test
    void reportsARefusedQueryWithItsPositionAtTheQueryLine() {
        QueryCheck refuseParenthesis = query -> {
            if (query.contains(")")) {
                throw new QueryException(query.indexOf(')') + 1, "unexpected ')'");
            }
        };
        String yaml = routes("""
                  - id: security-desk
                    to: ["console:"]
                    query: nato)
                """);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("herald.yml", yaml, refuseParenthesis));

        assertThat(e.problems())
                .containsExactly("herald.yml:9: route security-desk: bad query at position 5: unexpected ')'");
    }
}
