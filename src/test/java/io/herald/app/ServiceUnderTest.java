package io.herald.app;

import io.herald.config.ConfigLoader;
import io.herald.config.Settings;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeTelegramServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link HeraldService} as {@code herald run} starts it, from a config file the test writes and the environment it
 * gives: {@link #start} in the test's own JVM (closing the service stops it), {@link #launch} in a JVM of its own.
 */
final class ServiceUnderTest {
    private ServiceUnderTest() {
    }

    /**
     * The one feed {@code world} at {@code url}, polled every second, with private addresses allowed (the fakes run on
     * 127.0.0.1); {@code extraYaml} comes first and adds sections such as {@code routes:} or {@code admins:}.
     */
    static String worldFeed(String extraYaml, URI url) {
        return extraYaml + """
                feeds:
                  - id: world
                    url: %s
                    interval: 1s
                network:
                  allow_private_addresses: true
                """.formatted(url);
    }

    /** Writes {@code yaml} to {@code herald.yml} in {@code dir} and returns that file. */
    static Path writeConfig(Path dir, String yaml) throws IOException {
        Path config = dir.resolve("herald.yml");
        Files.writeString(config, yaml);
        return config;
    }

    /** The database file and the Telegram fake: what most of these tests give Herald. */
    static Map<String, String> telegramEnv(Path db, String token, FakeTelegramServer telegram) {
        return Map.of("HERALD_DB", db.toString(), "TELEGRAM_BOT_TOKEN", token, "TELEGRAM_API_URL",
                telegram.baseUrl());
    }

    /** The Slack fake's Web API and its bot token. */
    static Map<String, String> slackEnv(String botToken, FakeSlackServer slack) {
        return Map.of("SLACK_BOT_TOKEN", botToken, "SLACK_API_URL", slack.apiUrl());
    }

    /** The variables of all the maps in one. */
    @SafeVarargs
    static Map<String, String> env(Map<String, String>... parts) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }

    /** Writes the config to {@code herald.yml} in {@code dir} and starts the service on it, its console discarded. */
    static HeraldService start(Path dir, String yaml, Map<String, String> env) throws Exception {
        return start(writeConfig(dir, yaml), env);
    }

    /** Starts the service on the config file, with these environment variables, its console discarded. */
    static HeraldService start(Path config, Map<String, String> env) throws Exception {
        return HeraldService.start(Settings.fromEnv(env), ConfigLoader.load(config).config(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Whether the feed has had its first poll (which records the stories listed then without alerting). */
    static boolean polledOnce(HeraldService herald, String feed) {
        return herald.feeds().find(feed).map(s -> s.initialized()).orElse(false);
    }

    /**
     * {@code herald run --config CONFIG} in a JVM of its own with the test's class path, its output and errors in
     * {@code log}; {@code env} is added to this JVM's environment, without {@code SLACK_BOT_TOKEN} unless given.
     */
    static Process launch(Path config, Path log, Map<String, String> env, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("SLACK_BOT_TOKEN");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }
}
