package io.herald.app;

import java.util.Map;

/**
 * The environment a command reads its settings from: the process environment, or the map given to
 * {@link Main#execute(Map, String...)} for the command running on this thread.
 */
final class Environment {
    private static final ThreadLocal<Map<String, String>> OVERRIDE = new ThreadLocal<>();

    private Environment() {
    }

    static Map<String, String> current() {
        Map<String, String> env = OVERRIDE.get();
        return env != null ? env : System.getenv();
    }

    static String get(String name) {
        return current().get(name);
    }

    static void use(Map<String, String> env) {
        OVERRIDE.set(Map.copyOf(env));
    }

    static void clear() {
        OVERRIDE.remove();
    }
}
