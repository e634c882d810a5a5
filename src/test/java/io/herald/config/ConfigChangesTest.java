package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a reload reports and applies: feeds and routes added, removed or changed; admins; restart-only settings. */
class ConfigChangesTest {
    private static FeedConfig feed(String id, String interval) {
        return new FeedConfig(id, URI.create("https://" + id + ".example/rss"), Durations.parse(interval));
    }

    private static RouteConfig route(String id, String query) {
        return new RouteConfig(id, query, List.of(Destination.slack("C0123ABCD")), Set.of());
    }

    private static HeraldConfig config(List<FeedConfig> feeds, List<RouteConfig> routes, Admins admins) {
        return new HeraldConfig(feeds, routes, admins, Duration.ofMinutes(10), false);
    }

    @Test
    void listsEachKindOfChangeOnce() {
        HeraldConfig before = config(List.of(feed("world", "5m"), feed("old", "5m")),
                List.of(route("desk", "kursk"), route("gone", "nato")), Admins.NONE);
        HeraldConfig after = config(List.of(feed("world", "1m"), feed("europe", "5m")),
                List.of(route("desk", "kursk OR nato"), route("new", "otan")), new Admins(Set.of(1L), Set.of()));

        ConfigChanges changes = ConfigChanges.between(before, after);

        assertThat(changes.addedFeeds()).extracting(FeedConfig::id).containsExactly("europe");
        assertThat(changes.removedFeeds()).containsExactly("old");
        assertThat(changes.changedFeeds()).containsExactly(feed("world", "1m"));
        assertThat(changes.lines()).containsExactly("feeds added: europe", "feeds removed: old",
                "feeds changed: world", "routes added: new", "routes removed: gone", "routes changed: desk",
                "admins changed");
        assertThat(changes.isEmpty()).isFalse();
    }

    @Test
    void settingsReadOnlyAtStartAreNamedAndTheSameConfigIsNoChange() {
        HeraldConfig before = config(List.of(feed("world", "5m")), List.of(), Admins.NONE);
        assertThat(ConfigChanges.between(before, before).isEmpty()).isTrue();
        assertThat(ConfigChanges.between(before, before).lines()).isEmpty();

        HeraldConfig network = new HeraldConfig(before.feeds(), List.of(), Admins.NONE, Duration.ofMinutes(10), true);
        ConfigChanges changes = ConfigChanges.between(before, network);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.lines()).containsExactly("changed but applied only after a restart: network");
    }
}
