package io.herald.config;

import io.herald.model.Redactor;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Herald's settings from the environment (see the "Environment" section of the interface docs). Secrets are
 * {@link Secret}s and {@link #toString()} is safe to log.
 *
 * @param configFile         {@code HERALD_CONFIG}, default {@code config/herald.yml}
 * @param database           {@code HERALD_DB}: a SQLite file path (default {@code data/herald.db}) or a
 *                           {@code jdbc:postgresql://} URL, kept as given
 * @param telegramToken      {@code TELEGRAM_BOT_TOKEN}; Telegram is off when absent
 * @param telegramApiUrl     {@code TELEGRAM_API_URL} without a trailing slash, default {@code https://api.telegram.org}
 * @param slackBotToken      {@code SLACK_BOT_TOKEN} ({@code xoxb-}); Slack is off when absent
 * @param slackAppToken      {@code SLACK_APP_TOKEN} ({@code xapp-}) for Socket Mode
 * @param slackSigningSecret {@code SLACK_SIGNING_SECRET} for Slack HTTP requests
 * @param slackApiUrl        {@code SLACK_API_URL}, ends with {@code /}, default {@code https://slack.com/api/}
 * @param httpPort           {@code HERALD_HTTP_PORT} (1-65535); the HTTP server is off when absent
 * @param llmApiKey          {@code HERALD_LLM_API_KEY}, the bearer key of {@code summarize.llm}; LLM summaries are off
 *                           when absent
 * @param httpAddress        {@code HERALD_HTTP_ADDRESS}, the address the HTTP port listens on, default
 *                           {@code 127.0.0.1}
 * @param metricsToken       {@code HERALD_METRICS_TOKEN}: when set, {@code /metrics} wants
 *                           {@code Authorization: Bearer <token>}
 * @param logFormat          {@code HERALD_LOG_FORMAT}: {@code text} (default) or {@code json}
 * @param databasePassword   {@code HERALD_DB_PASSWORD}, the PostgreSQL password (instead of {@code password=} in the
 *                           URL, which it overrides)
 * @param telegramWebhookUrl {@code HERALD_TELEGRAM_WEBHOOK_URL}: the public URL Telegram posts updates to (webhook
 *                           mode, needs {@code TELEGRAM_BOT_TOKEN} and {@code HERALD_HTTP_PORT}); long polling when
 *                           absent
 */
public record Settings(
        Path configFile,
        String database,
        Optional<Secret> telegramToken,
        URI telegramApiUrl,
        Optional<Secret> slackBotToken,
        Optional<Secret> slackAppToken,
        Optional<Secret> slackSigningSecret,
        String slackApiUrl,
        OptionalInt httpPort,
        Optional<Secret> llmApiKey,
        String httpAddress,
        Optional<Secret> metricsToken,
        String logFormat,
        Optional<Secret> databasePassword,
        Optional<URI> telegramWebhookUrl) {

    public static final Path DEFAULT_CONFIG = Path.of("config", "herald.yml");
    public static final String DEFAULT_DATABASE = "data/herald.db";
    public static final URI DEFAULT_TELEGRAM_API_URL = URI.create("https://api.telegram.org");
    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_HTTP_ADDRESS = "127.0.0.1";
    public static final List<String> LOG_FORMATS = List.of("text", "json");

    private static final String POSTGRES_PREFIX = "jdbc:postgresql://";
    private static final Pattern DB_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern DB_USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    public Settings {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(telegramToken, "telegramToken");
        Objects.requireNonNull(telegramApiUrl, "telegramApiUrl");
        Objects.requireNonNull(slackBotToken, "slackBotToken");
        Objects.requireNonNull(slackAppToken, "slackAppToken");
        Objects.requireNonNull(slackSigningSecret, "slackSigningSecret");
        Objects.requireNonNull(slackApiUrl, "slackApiUrl");
        Objects.requireNonNull(httpPort, "httpPort");
        Objects.requireNonNull(llmApiKey, "llmApiKey");
        Objects.requireNonNull(httpAddress, "httpAddress");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(databasePassword, "databasePassword");
        Objects.requireNonNull(telegramWebhookUrl, "telegramWebhookUrl");
    }

    /** Settings with the default HTTP address, no metrics token, text logs and no database password. */
    public Settings(Path configFile, String database, Optional<Secret> telegramToken, URI telegramApiUrl,
                    Optional<Secret> slackBotToken, Optional<Secret> slackAppToken,
                    Optional<Secret> slackSigningSecret, String slackApiUrl, OptionalInt httpPort,
                    Optional<Secret> llmApiKey) {
        this(configFile, database, telegramToken, telegramApiUrl, slackBotToken, slackAppToken, slackSigningSecret,
                slackApiUrl, httpPort, llmApiKey, DEFAULT_HTTP_ADDRESS, Optional.empty(), "text", Optional.empty(),
                Optional.empty());
    }

    /** Settings without an LLM key. */
    public Settings(Path configFile, String database, Optional<Secret> telegramToken, URI telegramApiUrl,
                    Optional<Secret> slackBotToken, Optional<Secret> slackAppToken,
                    Optional<Secret> slackSigningSecret, String slackApiUrl, OptionalInt httpPort) {
        this(configFile, database, telegramToken, telegramApiUrl, slackBotToken, slackAppToken, slackSigningSecret,
                slackApiUrl, httpPort, Optional.empty());
    }

    /** Reads the process environment. */
    public static Settings fromEnv() throws ConfigException {
        return fromEnv(System.getenv());
    }

    /**
     * Reads settings from {@code env}; every secret may instead come from the file named by {@code NAME_FILE}.
     *
     * @throws ConfigException listing every bad variable, each as {@code NAME: problem} (never with a secret's value)
     */
    public static Settings fromEnv(Map<String, String> env) throws ConfigException {
        EnvReader reader = new EnvReader(env);
        Path configFile = reader.path("HERALD_CONFIG", DEFAULT_CONFIG);
        String database = database(reader);
        Optional<Secret> telegramToken = reader.secret("TELEGRAM_BOT_TOKEN");
        URI telegramApiUrl = withoutTrailingSlash(reader.httpUrl("TELEGRAM_API_URL", DEFAULT_TELEGRAM_API_URL));
        Optional<Secret> slackBotToken = prefixed(reader, "SLACK_BOT_TOKEN", "xoxb-", "a Slack bot token");
        Optional<Secret> slackAppToken = prefixed(reader, "SLACK_APP_TOKEN", "xapp-", "a Slack app-level token");
        Optional<Secret> slackSigningSecret = reader.secret("SLACK_SIGNING_SECRET");
        requireBotToken(reader, slackAppToken, "SLACK_APP_TOKEN");
        requireBotToken(reader, slackSigningSecret, "SLACK_SIGNING_SECRET");
        String slackApiUrl = slackApiUrl(reader);
        OptionalInt httpPort = port(reader, "HERALD_HTTP_PORT");
        Optional<Secret> llmApiKey = reader.secret("HERALD_LLM_API_KEY");
        String httpAddress = httpAddress(reader);
        Optional<Secret> metricsToken = reader.secret("HERALD_METRICS_TOKEN");
        String logFormat = reader.text("HERALD_LOG_FORMAT").orElse("text");
        if (!LOG_FORMATS.contains(logFormat)) {
            reader.problem("HERALD_LOG_FORMAT", "'" + logFormat + "' must be text or json");
        }
        Optional<Secret> databasePassword = reader.secret("HERALD_DB_PASSWORD");
        if (databasePassword.isPresent() && !database.startsWith(POSTGRES_PREFIX)) {
            reader.problem("HERALD_DB_PASSWORD", "is set but HERALD_DB is not a jdbc:postgresql:// URL");
        }
        Optional<URI> webhookUrl = webhookUrl(reader, httpPort);
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(reader.problems(), List.of());
        }
        return new Settings(configFile, database, telegramToken, telegramApiUrl, slackBotToken, slackAppToken,
                slackSigningSecret, slackApiUrl, httpPort, llmApiKey, httpAddress, metricsToken, logFormat,
                databasePassword, webhookUrl);
    }

    /** The same settings with another config file (e.g. from {@code --config}). */
    public Settings withConfigFile(Path file) {
        return new Settings(file, database, telegramToken, telegramApiUrl, slackBotToken, slackAppToken,
                slackSigningSecret, slackApiUrl, httpPort, llmApiKey, httpAddress, metricsToken, logFormat,
                databasePassword, telegramWebhookUrl);
    }

    /** Telegram is on when its bot token is set. */
    /** The redactor that removes every secret of these settings from outside text. */
    public Redactor redactor() {
        return new Redactor(java.util.stream.Stream.of(telegramToken, slackBotToken, slackAppToken,
                        slackSigningSecret, llmApiKey, metricsToken, databasePassword)
                .flatMap(Optional::stream).map(Secret::value).toList());
    }

    public boolean telegramEnabled() {
        return telegramToken.isPresent();
    }

    /** Slack is on when its bot token is set. */
    public boolean slackEnabled() {
        return slackBotToken.isPresent();
    }

    /** True when {@link #database()} is a {@code jdbc:postgresql://} URL rather than a SQLite file path. */
    public boolean usesPostgres() {
        return database.startsWith(POSTGRES_PREFIX);
    }

    /** Safe to log: secrets show as {@code ***} or {@code unset}, a database password as {@code ***}. */
    @Override
    public String toString() {
        String safeDatabase = DB_USER_INFO.matcher(DB_PASSWORD.matcher(database).replaceAll("$1***"))
                .replaceAll("$1***@");
        return "Settings[configFile=" + configFile
                + ", database=" + safeDatabase
                + ", telegramToken=" + shown(telegramToken)
                + ", telegramApiUrl=" + telegramApiUrl
                + ", slackBotToken=" + shown(slackBotToken)
                + ", slackAppToken=" + shown(slackAppToken)
                + ", slackSigningSecret=" + shown(slackSigningSecret)
                + ", slackApiUrl=" + slackApiUrl
                + ", httpPort=" + (httpPort.isPresent() ? Integer.toString(httpPort.getAsInt()) : "off")
                + ", llmApiKey=" + shown(llmApiKey)
                + ", httpAddress=" + httpAddress
                + ", metricsToken=" + shown(metricsToken)
                + ", logFormat=" + logFormat
                + ", databasePassword=" + shown(databasePassword)
                + ", telegramWebhookUrl=" + telegramWebhookUrl.map(URI::toString).orElse("unset") + "]";
    }

    private static String shown(Optional<Secret> secret) {
        return secret.isPresent() ? "***" : "unset";
    }

    /**
     * {@code HERALD_TELEGRAM_WEBHOOK_URL}: an http(s) URL with a host, no query, no user info; it needs the bot token
     * and the HTTP port the updates arrive on. (Whether plain {@code http://} is allowed depends on the config file:
     * only to a loopback address with {@code network.allow_private_addresses: true}; checked at start.)
     */
    private static Optional<URI> webhookUrl(EnvReader reader, OptionalInt httpPort) {
        String name = "HERALD_TELEGRAM_WEBHOOK_URL";
        if (reader.text(name).isEmpty()) {
            return Optional.empty();
        }
        URI url = reader.httpUrl(name, null);
        if (url == null) {
            return Optional.empty();
        }
        if (url.getRawUserInfo() != null) {
            reader.problem(name, "must not hold a user or password; Herald checks Telegram's secret token instead");
            return Optional.empty();
        }
        if (reader.text("TELEGRAM_BOT_TOKEN").or(() -> reader.text("TELEGRAM_BOT_TOKEN_FILE")).isEmpty()) {
            reader.problem(name, "is set but TELEGRAM_BOT_TOKEN is not; webhook mode is for the Telegram bot");
            return Optional.empty();
        }
        if (httpPort.isEmpty()) {
            reader.problem(name, "is set but HERALD_HTTP_PORT is not; Telegram's updates arrive on that port"
                    + " at POST /telegram/webhook");
            return Optional.empty();
        }
        return Optional.of(url);
    }

    private static String database(EnvReader reader) {
        Optional<String> value = reader.text("HERALD_DB");
        if (value.isEmpty() || value.get().startsWith(POSTGRES_PREFIX)) {
            return value.orElse(DEFAULT_DATABASE);
        }
        String lower = value.get().toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:") || lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            reader.problem("HERALD_DB", "give a SQLite file path (e.g. data/herald.db) or a jdbc:postgresql://host/db URL");
            return DEFAULT_DATABASE;
        }
        reader.path("HERALD_DB", Path.of(DEFAULT_DATABASE));
        return value.get();
    }

    private static Optional<Secret> prefixed(EnvReader reader, String name, String prefix, String what) {
        Optional<Secret> secret = reader.secret(name);
        if (secret.isPresent() && !secret.get().startsWith(prefix)) {
            reader.problem(name, "this is not " + what + ": it must start with " + prefix);
            return Optional.empty();
        }
        return secret;
    }

    private static void requireBotToken(EnvReader reader, Optional<Secret> other, String name) {
        boolean botConfigured = reader.text("SLACK_BOT_TOKEN").or(() -> reader.text("SLACK_BOT_TOKEN_FILE")).isPresent();
        if (!botConfigured && other.isPresent()) {
            reader.problem(name, "is set but SLACK_BOT_TOKEN is not; Slack stays off without its bot token");
        }
    }

    private static String slackApiUrl(EnvReader reader) {
        URI url = reader.httpUrl("SLACK_API_URL", URI.create(DEFAULT_SLACK_API_URL));
        String text = url.toString();
        if (!text.endsWith("/")) {
            reader.problem("SLACK_API_URL", "'" + text + "' must end with '/' (e.g. https://slack.com/api/)");
            return DEFAULT_SLACK_API_URL;
        }
        return text;
    }

    private static URI withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    /** An IP address (v4 or v6) or a host name; not resolved here, the server reports when it cannot listen. */
    private static String httpAddress(EnvReader reader) {
        Optional<String> text = reader.text("HERALD_HTTP_ADDRESS");
        if (text.isEmpty()) {
            return DEFAULT_HTTP_ADDRESS;
        }
        String address = text.get();
        if (address.matches("[A-Za-z0-9.-]{1,253}") || address.matches("\\[?[0-9A-Fa-f:.]+(%\\w+)?]?")) {
            return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                    : address;
        }
        reader.problem("HERALD_HTTP_ADDRESS", "'" + address + "' is not an IP address or host name"
                + " (e.g. 127.0.0.1, 0.0.0.0 or ::)");
        return DEFAULT_HTTP_ADDRESS;
    }

    private static OptionalInt port(EnvReader reader, String name) {
        Optional<String> text = reader.text(name);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (text.get().matches("\\d{1,5}")) {
            int port = Integer.parseInt(text.get());
            if (port >= 1 && port <= 65535) {
                return OptionalInt.of(port);
            }
        }
        reader.problem(name, "'" + text.get() + "' is not a port number from 1 to 65535");
        return OptionalInt.empty();
    }
}
