package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testsupport.OnBothDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcChatFeedStoreTest extends OnBothDatabases {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static ChatFeed feed(String id, String url) {
        return new ChatFeed(id, url, Duration.ofMinutes(5), "Title of " + id, "telegram:1", AT);
    }

    @Test
    void chatFeedsAreKeptAndRemovedById() {
        var store = new JdbcChatFeedStore(database.open());
        store.addAll(List.of(feed("b", "https://b.example/rss"), feed("a", "https://a.example/rss")));

        assertThat(store.all()).extracting(ChatFeed::id).containsExactly("a", "b");
        assertThat(store.find("a")).contains(feed("a", "https://a.example/rss"));
        assertThat(store.remove("a")).isTrue();
        assertThat(store.remove("a")).isFalse();
        assertThat(store.all()).extracting(ChatFeed::id).containsExactly("b");
    }

    @Test
    void aBatchWithOneDuplicateAddsNothing() {
        var store = new JdbcChatFeedStore(database.open());
        store.addAll(List.of(feed("a", "https://a.example/rss")));

        assertThatThrownBy(() -> store.addAll(List.of(feed("c", "https://c.example/rss"),
                feed("d", "https://a.example/rss")))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.addAll(List.of(feed("a", "https://other.example/rss"))))
                .isInstanceOf(StoreException.class);

        assertThat(store.all()).extracting(ChatFeed::id).containsExactly("a");
    }

    @Test
    void pausingAFeedNeverPolledCreatesItsStateAndResumeUndoesIt() {
        Database db = database.open();
        var store = new JdbcChatFeedStore(db);
        var feeds = new JdbcFeedStore(db, Clock.systemUTC());

        store.pause("fresh", "https://fresh.example/rss", "paused by an admin");

        assertThat(feeds.find("fresh")).hasValueSatisfying(s -> {
            assertThat(s.paused()).isTrue();
            assertThat(s.pausedReason()).contains("paused by an admin");
            assertThat(s.initialized()).isFalse();
        });
        feeds.recordTitle("fresh", "Fresh News");
        feeds.recordTitle("fresh", "Fresh News");
        assertThat(store.titles()).containsEntry("fresh", "Fresh News");
        assertThat(feeds.resume("fresh")).isTrue();
        assertThat(feeds.find("fresh").orElseThrow().paused()).isFalse();
    }
}
