package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.HeraldConfig;
import io.herald.config.LoadedConfig;
import io.herald.config.RouteConfig;
import io.herald.config.Settings;
import io.herald.model.Destination;
import io.herald.model.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code check-config} and {@code run} check before anything starts: the environment (every {@code *_FILE}
 * secret read), the config file, at least one feed, and that every route goes to a platform whose token is set.
 */
final class Preflight {
    private Preflight() {
    }

    /** Settings and config that passed every check. */
    record Checked(Settings settings, LoadedConfig loaded, List<String> notes) {
    }

    /**
     * @throws UserInputException with every problem, one per line (the environment's and the config's together)
     */
    static Checked check(Path configFile, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Settings settings = null;
        try {
            settings = Settings.fromEnv(environment).withConfigFile(configFile);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        LoadedConfig loaded = null;
        try {
            loaded = io.herald.config.ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        List<String> notes = new ArrayList<>();
        if (loaded != null) {
            if (loaded.config().feeds().isEmpty()) {
                problems.add(configFile + ": no feeds: add at least one under feeds: (- id: world, url: https://...)");
            }
            if (settings != null) {
                routeProblems(configFile, loaded.config(), settings, problems, notes);
                webhookProblem(settings, loaded.config().allowPrivateAddresses()).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(String.join(System.lineSeparator(), problems));
        }
        return new Checked(settings, loaded, notes);
    }

    /**
     * A route to Telegram or Slack needs that platform's token. With neither token set every alert goes to the
     * console (Herald's documented console mode), which is said as a note rather than refused.
     */
    static void routeProblems(Path file, HeraldConfig config, Settings settings, List<String> problems,
                              List<String> notes) {
        boolean consoleMode = !settings.telegramEnabled() && !settings.slackEnabled();
        for (RouteConfig route : config.routes()) {
            for (Destination to : route.to()) {
                String variable = switch (to.platform()) {
                    case TELEGRAM -> settings.telegramEnabled() ? null : "TELEGRAM_BOT_TOKEN";
                    case SLACK -> settings.slackEnabled() ? null : "SLACK_BOT_TOKEN";
                    case CONSOLE -> null;
                };
                if (variable == null) {
                    continue;
                }
                String platform = to.platform() == Platform.TELEGRAM ? "Telegram" : "Slack";
                if (consoleMode) {
                    notes.add(file + ": note: route " + route.id() + " delivers to " + to + ", printed on the console"
                            + " while neither TELEGRAM_BOT_TOKEN nor SLACK_BOT_TOKEN is set");
                } else {
                    problems.add(file + ": route " + route.id() + " delivers to " + to + " but " + platform
                            + " is off: set " + variable + " (or " + variable + "_FILE), or remove that destination");
                }
            }
        }
    }

    /**
     * Telegram posts only to {@code https://} URLs. Plain {@code http://} is allowed only to a loopback address and
     * only when the config allows private addresses ({@code network.allow_private_addresses: true}): a local Bot API
     * server or a test.
     */
    static java.util.Optional<String> webhookProblem(Settings settings, boolean allowPrivate) {
        return settings.telegramWebhookUrl().flatMap(url -> {
            String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (scheme.equals("https") || scheme.equals("http") && allowPrivate && loopback(url.getHost())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("HERALD_TELEGRAM_WEBHOOK_URL: Telegram posts updates only to an https:// URL;"
                    + " plain http:// is allowed only to a loopback address with network.allow_private_addresses: true");
        });
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false; // a name other than localhost is not resolved here
        }
        try {
            return java.net.InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
