package io.herald.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between the running config and a newly read one, in the terms a reload applies: feeds added,
 * removed or changed (URL, interval, article fetching), routes added, removed or changed, and the admins; plus the
 * settings that only take effect after a restart.
 */
public record ConfigChanges(List<FeedConfig> addedFeeds, List<String> removedFeeds, List<FeedConfig> changedFeeds,
                            List<String> addedRoutes, List<String> removedRoutes, List<String> changedRoutes,
                            boolean adminsChanged, List<String> needRestart) {

    public ConfigChanges {
        addedFeeds = List.copyOf(addedFeeds);
        removedFeeds = List.copyOf(removedFeeds);
        changedFeeds = List.copyOf(changedFeeds);
        addedRoutes = List.copyOf(addedRoutes);
        removedRoutes = List.copyOf(removedRoutes);
        changedRoutes = List.copyOf(changedRoutes);
        needRestart = List.copyOf(needRestart);
    }

    /** The differences from {@code before} to {@code after}. */
    public static ConfigChanges between(HeraldConfig before, HeraldConfig after) {
        Map<String, FeedConfig> old = byId(before.feeds());
        Map<String, FeedConfig> now = byId(after.feeds());
        List<FeedConfig> added = new ArrayList<>();
        List<FeedConfig> changed = new ArrayList<>();
        now.forEach((id, f) -> {
            FeedConfig was = old.get(id);
            if (was == null) {
                added.add(f);
            } else if (!was.equals(f)) {
                changed.add(f);
            }
        });
        List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        Map<String, RouteConfig> oldRoutes = routesById(before.routes());
        Map<String, RouteConfig> newRoutes = routesById(after.routes());
        List<String> addedRoutes = newRoutes.keySet().stream().filter(id -> !oldRoutes.containsKey(id)).toList();
        List<String> removedRoutes = oldRoutes.keySet().stream().filter(id -> !newRoutes.containsKey(id)).toList();
        List<String> changedRoutes = newRoutes.keySet().stream()
                .filter(id -> oldRoutes.containsKey(id) && !oldRoutes.get(id).equals(newRoutes.get(id))).toList();
        return new ConfigChanges(added, removed, changed, addedRoutes, removedRoutes, changedRoutes,
                !before.admins().equals(after.admins()), restartOnly(before, after));
    }

    private static List<String> restartOnly(HeraldConfig a, HeraldConfig b) {
        List<String> out = new ArrayList<>();
        if (a.maxFailures() != b.maxFailures()) {
            out.add("defaults.max_failures");
        }
        if (a.allowPrivateAddresses() != b.allowPrivateAddresses() || a.maxBodyBytes() != b.maxBodyBytes()) {
            out.add("network");
        }
        if (!a.delivery().equals(b.delivery())) {
            out.add("delivery");
        }
        if (!a.llm().equals(b.llm())) {
            out.add("summarize");
        }
        if (!Objects.equals(a.retention(), b.retention())) {
            out.add("retention");
        }
        return out;
    }

    /** True when nothing a reload applies changed (restart-only settings may still differ). */
    public boolean isEmpty() {
        return addedFeeds.isEmpty() && removedFeeds.isEmpty() && changedFeeds.isEmpty() && addedRoutes.isEmpty()
                && removedRoutes.isEmpty() && changedRoutes.isEmpty() && !adminsChanged;
    }

    /** One line per kind of change, e.g. {@code feeds added: world, europe}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        list(out, "feeds added", addedFeeds.stream().map(FeedConfig::id).toList());
        list(out, "feeds removed", removedFeeds);
        list(out, "feeds changed", changedFeeds.stream().map(FeedConfig::id).toList());
        list(out, "routes added", addedRoutes);
        list(out, "routes removed", removedRoutes);
        list(out, "routes changed", changedRoutes);
        if (adminsChanged) {
            out.add("admins changed");
        }
        list(out, "changed but applied only after a restart", needRestart);
        return out;
    }

    private static void list(List<String> out, String what, List<String> ids) {
        if (!ids.isEmpty()) {
            out.add(what + ": " + String.join(", ", ids));
        }
    }

    private static Map<String, FeedConfig> byId(List<FeedConfig> feeds) {
        Map<String, FeedConfig> out = new LinkedHashMap<>();
        feeds.forEach(f -> out.put(f.id(), f));
        return out;
    }

    private static Map<String, RouteConfig> routesById(List<RouteConfig> routes) {
        Map<String, RouteConfig> out = new LinkedHashMap<>();
        routes.forEach(r -> out.put(r.id(), r));
        return out;
    }
}
