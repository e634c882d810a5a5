package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    private static final String TELEGRAM_TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private static final String APP_TOKEN = "xapp-1-A0123-456-abcdef";
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String LLM_KEY = "sk-test-4f1c2b9e8d7a6b5c";
    private static final String METRICS_TOKEN = "metrics-token-2b7e";

    @TempDir
    Path dir;

    @Test
    void emptyEnvironmentGivesTheDocumentedDefaults() throws Exception {
        Settings settings = Settings.fromEnv(Map.of());

        assertThat(settings.configFile()).isEqualTo(Path.of("config/herald.yml"));
        assertThat(settings.database()).isEqualTo("data/herald.db");
        assertThat(settings.usesPostgres()).isFalse();
        assertThat(settings.telegramToken()).isEmpty();
        assertThat(settings.telegramEnabled()).isFalse();
        assertThat(settings.telegramApiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(settings.slackBotToken()).isEmpty();
        assertThat(settings.slackAppToken()).isEmpty();
        assertThat(settings.slackSigningSecret()).isEmpty();
        assertThat(settings.slackEnabled()).isFalse();
        assertThat(settings.slackApiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(settings.httpPort()).isEmpty();
    }

    @Test
    void blankValuesCountAsUnset() throws Exception {
        Settings settings = Settings.fromEnv(Map.of("HERALD_DB", "", "TELEGRAM_BOT_TOKEN", "  ", "HERALD_HTTP_PORT", ""));

        assertThat(settings).isEqualTo(Settings.fromEnv(Map.of()));
    }

    @Test
    void readsEveryVariable() throws Exception {
        Settings settings = Settings.fromEnv(Map.of(
                "HERALD_CONFIG", "/etc/herald/herald.yml",
                "HERALD_DB", "jdbc:postgresql://db:5432/herald",
                "TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:8081/",
                "SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_APP_TOKEN", APP_TOKEN,
                "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "SLACK_API_URL", "http://127.0.0.1:9090/api/",
                "HERALD_HTTP_PORT", "8080"));

        assertThat(settings.configFile()).isEqualTo(Path.of("/etc/herald/herald.yml"));
        assertThat(settings.database()).isEqualTo("jdbc:postgresql://db:5432/herald");
        assertThat(settings.usesPostgres()).isTrue();
        assertThat(settings.telegramToken()).map(Secret::value).contains(TELEGRAM_TOKEN);
        assertThat(settings.telegramEnabled()).isTrue();
        assertThat(settings.telegramApiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(settings.slackBotToken()).map(Secret::value).contains(BOT_TOKEN);
        assertThat(settings.slackAppToken()).map(Secret::value).contains(APP_TOKEN);
        assertThat(settings.slackSigningSecret()).map(Secret::value).contains(SIGNING_SECRET);
        assertThat(settings.slackEnabled()).isTrue();
        assertThat(settings.slackApiUrl()).isEqualTo("http://127.0.0.1:9090/api/");
        assertThat(settings.httpPort()).isEqualTo(OptionalInt.of(8080));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
        "HERALD_LLM_API_KEY", "HERALD_METRICS_TOKEN"})
    void readsEverySecretFromItsFileVariable(String name) throws Exception {
        Map<String, String> env = allSecrets();
        String value = env.remove(name);
        Path file = dir.resolve("secret");
        Files.writeString(file, "  " + value + "\n\n");
        env.put(name + "_FILE", file.toString());

        Settings settings = Settings.fromEnv(env);

        assertThat(settings).isEqualTo(Settings.fromEnv(allSecrets()));
        assertThat(secret(settings, name)).map(Secret::value).contains(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
        "HERALD_LLM_API_KEY"})
    void refusesASecretSetBothWays(String name) throws Exception {
        Map<String, String> env = allSecrets();
        Path file = dir.resolve("secret");
        Files.writeString(file, env.get(name));
        env.put(name + "_FILE", file.toString());

        assertThat(problems(env)).containsExactly(name + ": set either " + name + " or " + name + "_FILE, not both");
    }

    @Test
    void unreadableSecretFileNamesTheVariableAndThePathButNotTheContent() throws Exception {
        Path missing = dir.resolve("missing-token");
        Path empty = Files.writeString(dir.resolve("empty-token"), " \n");
        Path twoWords = Files.writeString(dir.resolve("two-words"), "xoxb-abc " + BOT_TOKEN);

        ConfigException e = failure(Map.of(
                "TELEGRAM_BOT_TOKEN_FILE", missing.toString(),
                "SLACK_BOT_TOKEN_FILE", twoWords.toString(),
                "SLACK_SIGNING_SECRET_FILE", empty.toString(),
                "SLACK_APP_TOKEN_FILE", dir.toString()));

        assertThat(e.problems()).containsExactly(
                "TELEGRAM_BOT_TOKEN_FILE: cannot read file " + missing + ": no such file",
                "SLACK_BOT_TOKEN_FILE: the value contains whitespace; a token is a single word",
                "SLACK_APP_TOKEN_FILE: cannot read file " + dir + ": it is a directory",
                "SLACK_SIGNING_SECRET_FILE: file " + empty + " is empty");
        assertThat(e.getMessage()).doesNotContain(BOT_TOKEN);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "SLACK_API_URL      | https://slack.com/api   | 'https://slack.com/api' must end with '/' (e.g. https://slack.com/api/)",
        "SLACK_API_URL      | slack.com/api/          | 'slack.com/api/' is not an http:// or https:// URL with a host (and no query)",
        "TELEGRAM_API_URL   | ftp://api.telegram.org  | 'ftp://api.telegram.org' is not an http:// or https:// URL with a host (and no query)",
        "TELEGRAM_API_URL   | http://exa mple.org     | 'http://exa mple.org' is not an http:// or https:// URL with a host (and no query)",
        "TELEGRAM_API_URL   | https://t.org/?x=1      | 'https://t.org/?x=1' is not an http:// or https:// URL with a host (and no query)",
        "HERALD_HTTP_PORT   | 0                       | '0' is not a port number from 1 to 65535",
        "HERALD_HTTP_PORT   | 65536                   | '65536' is not a port number from 1 to 65535",
        "HERALD_HTTP_PORT   | http                    | 'http' is not a port number from 1 to 65535",
        "HERALD_HTTP_PORT   | -1                      | '-1' is not a port number from 1 to 65535",
        "HERALD_DB          | jdbc:sqlite:x.db        | give a SQLite file path (e.g. data/herald.db) or a jdbc:postgresql://host/db URL",
        "HERALD_DB          | postgres://db/herald    | give a SQLite file path (e.g. data/herald.db) or a jdbc:postgresql://host/db URL",
    })
    void refusesBadValuesWithAClearMessage(String name, String value, String message) {
        assertThat(problems(Map.of(name, value))).containsExactly(name + ": " + message);
    }

    @Test
    void refusesAConfigPathTheFileSystemCannotHold() {
        assertThat(problems(Map.of("HERALD_CONFIG", "bad\0name.yml")))
                .containsExactly("HERALD_CONFIG: 'bad\0name.yml' is not a valid path");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1, 1", "8080, 8080", "65535, 65535", "' 9000 ', 9000"})
    void acceptsPortsFromOneTo65535(String value, int port) throws Exception {
        assertThat(Settings.fromEnv(Map.of("HERALD_HTTP_PORT", value)).httpPort()).isEqualTo(OptionalInt.of(port));
    }

    @Test
    void theHttpPortListensOnLoopbackUnlessAnAddressIsGiven() throws Exception {
        assertThat(Settings.fromEnv(Map.of()).httpAddress()).isEqualTo("127.0.0.1");
        assertThat(Settings.fromEnv(Map.of("HERALD_HTTP_ADDRESS", "0.0.0.0")).httpAddress()).isEqualTo("0.0.0.0");
        assertThat(Settings.fromEnv(Map.of("HERALD_HTTP_ADDRESS", "[::1]")).httpAddress()).isEqualTo("::1");
        assertThat(Settings.fromEnv(Map.of("HERALD_HTTP_ADDRESS", "herald.internal")).httpAddress())
                .isEqualTo("herald.internal");
        assertThat(problems(Map.of("HERALD_HTTP_ADDRESS", "http://0.0.0.0:80"))).containsExactly(
                "HERALD_HTTP_ADDRESS: 'http://0.0.0.0:80' is not an IP address or host name (e.g. 127.0.0.1, 0.0.0.0 or ::)");
    }

    @Test
    void logsAreTextUnlessJsonIsAskedFor() throws Exception {
        assertThat(Settings.fromEnv(Map.of()).logFormat()).isEqualTo("text");
        assertThat(Settings.fromEnv(Map.of("HERALD_LOG_FORMAT", "json")).logFormat()).isEqualTo("json");
        assertThat(problems(Map.of("HERALD_LOG_FORMAT", "JSON")))
                .containsExactly("HERALD_LOG_FORMAT: 'JSON' must be text or json");
    }

    @Test
    void slackTokensMustHaveTheirPrefixes() {
        assertThat(problems(Map.of("SLACK_BOT_TOKEN", APP_TOKEN, "SLACK_APP_TOKEN", BOT_TOKEN))).containsExactly(
                "SLACK_BOT_TOKEN: this is not a Slack bot token: it must start with xoxb-",
                "SLACK_APP_TOKEN: this is not a Slack app-level token: it must start with xapp-");
    }

    @Test
    void slackAppTokenAndSigningSecretNeedTheBotToken() {
        assertThat(problems(Map.of("SLACK_APP_TOKEN", APP_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET)))
                .containsExactly(
                        "SLACK_APP_TOKEN: is set but SLACK_BOT_TOKEN is not; Slack stays off without its bot token",
                        "SLACK_SIGNING_SECRET: is set but SLACK_BOT_TOKEN is not; Slack stays off without its bot token");
    }

    @Test
    void toStringNeverShowsASecret() throws Exception {
        Map<String, String> env = allSecrets();
        env.put("HERALD_DB", "jdbc:postgresql://herald:hunter2@db:5432/herald?user=herald&password=s3cret&ssl=true");

        Settings settings = Settings.fromEnv(env);

        assertThat(settings.toString())
                .doesNotContain(TELEGRAM_TOKEN, BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, LLM_KEY, METRICS_TOKEN,
                        "hunter2", "s3cret")
                .contains("telegramToken=***", "slackBotToken=***", "slackAppToken=***", "slackSigningSecret=***",
                        "llmApiKey=***", "metricsToken=***")
                .contains("jdbc:postgresql://herald:***@db:5432/herald?user=herald&password=***&ssl=true");
        assertThat(settings.telegramToken().orElseThrow()).hasToString("***");
        assertThat(Settings.fromEnv(Map.of()).toString())
                .contains("configFile=config/herald.yml", "database=data/herald.db", "telegramToken=unset", "httpPort=off",
                        "llmApiKey=unset");
    }

    @Test
    void readsTheDatabasePasswordFromItsVariableOrFileAndNeverShowsIt() throws Exception {
        Path file = dir.resolve("db-password");
        Files.writeString(file, "pg-s3cret\n");

        Settings settings = Settings.fromEnv(Map.of("HERALD_DB", "jdbc:postgresql://db:5432/herald?user=herald",
                "HERALD_DB_PASSWORD_FILE", file.toString()));

        assertThat(settings.databasePassword()).map(Secret::value).contains("pg-s3cret");
        assertThat(settings.toString()).doesNotContain("pg-s3cret").contains("databasePassword=***");
        assertThat(problems(Map.of("HERALD_DB_PASSWORD", "pg-s3cret")))
                .containsExactly("HERALD_DB_PASSWORD: is set but HERALD_DB is not a jdbc:postgresql:// URL");
    }

    @Test
    void secretsAreEqualByValueButPrintNothing() {
        assertThat(Secret.of(BOT_TOKEN)).isEqualTo(Secret.of(BOT_TOKEN)).isNotEqualTo(Secret.of(APP_TOKEN));
        assertThat(Optional.of(Secret.of(BOT_TOKEN)).toString()).isEqualTo("Optional[***]");
    }

    @Test
    void withConfigFileReplacesOnlyTheConfigFile() throws Exception {
        Settings settings = Settings.fromEnv(allSecrets());

        Settings moved = settings.withConfigFile(Path.of("other.yml"));

        assertThat(moved.configFile()).isEqualTo(Path.of("other.yml"));
        assertThat(moved.withConfigFile(settings.configFile())).isEqualTo(settings);
    }

    @Test
    void reportsEveryBadVariableAtOnce() {
        assertThat(problems(Map.of("HERALD_HTTP_PORT", "x", "SLACK_API_URL", "https://slack.com/api",
                "SLACK_BOT_TOKEN", "nope"))).hasSize(3);
    }

    private static Map<String, String> allSecrets() {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_APP_TOKEN", APP_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("HERALD_LLM_API_KEY", LLM_KEY);
        env.put("HERALD_METRICS_TOKEN", METRICS_TOKEN);
        return env;
    }

    private static Optional<Secret> secret(Settings settings, String name) {
        switch (name) {
            case "TELEGRAM_BOT_TOKEN":
                return settings.telegramToken();
            case "SLACK_BOT_TOKEN":
                return settings.slackBotToken();
            case "SLACK_APP_TOKEN":
                return settings.slackAppToken();
            case "HERALD_LLM_API_KEY":
                return settings.llmApiKey();
            case "HERALD_METRICS_TOKEN":
                return settings.metricsToken();
            default:
                return settings.slackSigningSecret();
        }
    }

    private static ConfigException failure(Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Settings.fromEnv(env));
        assertThat(e).as("expected a ConfigException for %s", env.keySet()).isNotNull();
        return e;
    }

    private static java.util.List<String> problems(Map<String, String> env) {
        return failure(env).problems();
    }
}
