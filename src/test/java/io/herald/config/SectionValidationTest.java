package io.herald.config;

import static io.herald.config.TestConfigs.load;
import static io.herald.config.TestConfigs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unknown keys at every level, and the admins, defaults and network sections. */
class SectionValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "feed: []                                            | 1 | top level: unknown key 'feed' (did you mean 'feeds'?)",
        "timeout: 5s                                         | 1 | top level: unknown key 'timeout' (expected one of: feeds, routes, admins, defaults, network, delivery, summarize, retention, limits)",
        "feeds:\\n  - id: w\\n    url: http://e.org\\n    intervall: 5m | 4 | feed w: unknown key 'intervall' (did you mean 'interval'?)",
        "feeds:\\n  - id: w\\n    uri: http://e.org\\n    url: http://e.org | 3 | feed w: unknown key 'uri' (did you mean 'url'?)",
        "routes:\\n  - id: r\\n    query: x\\n    to: ['console:']\\n    feed: []  | 5 | route r: unknown key 'feed' (did you mean 'feeds'?)",
        "admins:\\n  telgram: [1]                            | 2 | admins: unknown key 'telgram' (did you mean 'telegram'?)",
        "defaults:\\n  intervals: 5m                         | 2 | defaults: unknown key 'intervals' (did you mean 'interval'?)",
        "network:\\n  allow-private-addresses: true          | 2 | network: unknown key 'allow-private-addresses' (did you mean 'allow_private_addresses'?)",
    })
    void reportsUnknownKeysAtEveryLevelWithASuggestion(String yaml, int line, String message) {
        assertThat(problems(yaml.replace("\\n", "\n"))).containsExactly("herald.yml:" + line + ": " + message);
    }

    @Test
    void retentionKeepsThirtyDaysUnlessToldOtherwise() throws Exception {
        assertThat(load("feeds: []\n").config().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(load("retention:\n  max_age: 90d\n").config().retention()).isEqualTo(Duration.ofDays(90));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "retention:\\n  max_age: 2h    | 2 | retention: max_age must be from 1d to 3650d, not 2h",
        "retention:\\n  max_age: soon  | 2 | retention: bad max_age: 'soon' is not a duration: use e.g. 30s, 5m, 1h, 2h30m, 1d or PT5M",
        "retention:\\n  keep: 30d      | 2 | retention: unknown key 'keep' (expected one of: max_age)",
        "retention: 30d                | 1 | retention must be a mapping of keys to values, not the text '30d'",
    })
    void refusesABadRetention(String yaml, int line, String message) {
        assertThat(problems(yaml.replace("\\n", "\n"))).containsExactly("herald.yml:" + line + ": " + message);
    }

    @Test
    void limitsHaveDefaultsAndCanBeSet() throws Exception {
        assertThat(load("feeds: []\n").config().limits()).isEqualTo(FloodLimits.DEFAULTS);
        assertThat(load("limits:\n  max_new_items_per_poll: 50\n  max_pending_per_destination: 200\n").config()
                .limits()).isEqualTo(new FloodLimits(50, FloodLimits.DEFAULTS.maxPendingPerFeed(), 200));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "limits:\\n  max_new_items_per_poll: 0     | 2 | limits: max_new_items_per_poll must be a whole number from 1 to 1000000, not the number 0",
        "limits:\\n  max_pending_per_feed: lots    | 2 | limits: max_pending_per_feed must be a whole number from 1 to 1000000, not the text 'lots'",
        "limits:\\n  max_items: 5                  | 2 | limits: unknown key 'max_items' (expected one of: max_new_items_per_poll, max_pending_per_feed, max_pending_per_destination)",
    })
    void refusesBadLimits(String yaml, int line, String message) {
        assertThat(problems(yaml.replace("\\n", "\n"))).containsExactly("herald.yml:" + line + ": " + message);
    }

    @Test
    void readsAdmins() throws Exception {
        Admins admins = load("""
                admins:
                  telegram: [123456789, 42]
                  slack:
                    - U0123ABCD
                    - W12345
                """).config().admins();

        assertThat(admins).isEqualTo(new Admins(Set.of(123456789L, 42L), Set.of("U0123ABCD", "W12345")));
    }

    @ParameterizedTest(name = "telegram: [{0}]")
    @CsvSource(delimiter = '|', value = {
        "\"123\"   | the text '123'",
        "abc     | the text 'abc'",
        "-100123 | the number -100123",
        "0       | the number 0",
        "1.5     | the number 1.5",
        "99999999999999999999 | the number 99999999999999999999",
        "[1]     | a list",
        "true    | the boolean true",
    })
    void telegramAdminsMustBePositiveWholeNumbers(String item, String described) {
        assertThat(problems("admins:\n  telegram: [" + item + "]\n")).containsExactly(
                "herald.yml:2: admins: telegram user ids must be positive whole numbers like 123456789, not " + described);
    }

    @ParameterizedTest(name = "slack: [{0}]")
    @CsvSource(delimiter = '|', value = {
        "u0123abcd | the text 'u0123abcd'",
        "C0123ABCD | the text 'C0123ABCD'",
        "U         | the text 'U'",
        "12345     | the number 12345",
        "\"@alice\"  | the text '@alice'",
    })
    void slackAdminsMustBeUserIds(String item, String described) {
        assertThat(problems("admins:\n  slack: [" + item + "]\n"))
                .containsExactly("herald.yml:2: admins: slack user ids look like U0123ABCD, not " + described);
    }

    @Test
    void adminListsMustBeLists() {
        assertThat(problems("admins:\n  telegram: 123\n  slack: U0123ABCD\n")).containsExactly(
                "herald.yml:2: admins: telegram must be a list (telegram: [123456789]), not the number 123",
                "herald.yml:3: admins: slack must be a list (slack: [U0123ABCD]), not the text 'U0123ABCD'");
    }

    @Test
    void sectionsThatTakeKeysMustBeMappings() {
        assertThat(problems("admins: [1]\ndefaults: 5m\nnetwork: true\n")).containsExactly(
                "herald.yml:1: admins must be a mapping of keys to values, not a list",
                "herald.yml:2: defaults must be a mapping of keys to values, not the text '5m'",
                "herald.yml:3: network must be a mapping of keys to values, not the boolean true");
    }

    @Test
    void readsTheDefaultInterval() throws Exception {
        assertThat(load("defaults:\n  interval: PT2H\n").config().defaultInterval()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void checksTheDefaultIntervalLikeAFeedInterval() throws Exception {
        assertThat(problems("defaults:\n  interval: soon\n")).singleElement().asString()
                .startsWith("herald.yml:2: defaults: bad interval: 'soon' is not a duration");
        assertThat(load("defaults:\n  interval: 20s\n").warnings())
                .singleElement().asString().startsWith("herald.yml:2: warning: defaults: interval 20s is shorter than 1m");
    }

    @ParameterizedTest(name = "allow_private_addresses: {0}")
    @CsvSource({"true, true", "false, false", "yes, true", "'', false"})
    void readsAllowPrivateAddresses(String value, boolean expected) throws Exception {
        assertThat(load("network:\n  allow_private_addresses: " + value + "\n").config().allowPrivateAddresses())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "allow_private_addresses: {0}")
    @ValueSource(strings = {"'true'", "1", "maybe", "[true]"})
    void allowPrivateAddressesMustBeABoolean(String value) {
        assertThat(problems("network:\n  allow_private_addresses: " + value + "\n")).singleElement().asString()
                .startsWith("herald.yml:2: network: allow_private_addresses must be true or false, not ");
    }
}
