package io.herald.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's routes by exact path and method. Adding one is a line: {@code routes.post("/telegram/webhook", r)}.
 * Any other path is 404; a known path with another method is 405.
 */
public final class Routes {
    private final Map<String, Map<String, Route>> byPath = new LinkedHashMap<>();

    public Routes get(String path, Route route) {
        return add("GET", path, route);
    }

    public Routes post(String path, Route route) {
        return add("POST", path, route);
    }

    private synchronized Routes add(String method, String path, Route route) {
        if (byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, route) != null) {
            throw new IllegalArgumentException("http: " + method + " " + path + " is already routed");
        }
        return this;
    }

    /** The routes of a path by method; empty for an unknown path. */
    synchronized Optional<Map<String, Route>> forPath(String path) {
        return Optional.ofNullable(byPath.get(path)).map(Map::copyOf);
    }

    public synchronized Set<String> paths() {
        return Set.copyOf(byPath.keySet());
    }
}
