package io.herald.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ChatFeedStore} on JDBC (SQLite or PostgreSQL). */
public final class JdbcChatFeedStore implements ChatFeedStore {
    private static final String COLUMNS = "id, url, interval_ms, title, added_by, added_at";
    private final Database db;

    public JdbcChatFeedStore(Database db) {
        this.db = db;
    }

    @Override
    public List<ChatFeed> all() {
        return db.withConnection("list chat-added feeds", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM chat_feeds ORDER BY id", JdbcChatFeedStore::map));
    }

    @Override
    public Optional<ChatFeed> find(String id) {
        return db.withConnection("find chat-added feed " + id, c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM chat_feeds WHERE id = ?", JdbcChatFeedStore::map, id))
                .stream().findFirst();
    }

    @Override
    public void addAll(List<ChatFeed> feeds) {
        db.inTransaction("add " + feeds.size() + " feed(s)", c -> {
            for (ChatFeed f : feeds) {
                insert(c, f);
            }
            return feeds.size();
        });
    }

    private static void insert(Connection c, ChatFeed f) throws SQLException {
        Jdbc.update(c, "INSERT INTO chat_feeds (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", f.id(), f.url(),
                f.interval().toMillis(), f.title(), f.addedBy(), f.addedAt().toEpochMilli());
    }

    @Override
    public boolean remove(String id) {
        return db.withConnection("remove chat-added feed " + id,
                c -> Jdbc.update(c, "DELETE FROM chat_feeds WHERE id = ?", id)) > 0;
    }

    @Override
    public void pause(String feedId, String url, String reason) {
        db.inTransaction("pause feed " + feedId, c -> {
            Jdbc.update(c, "INSERT INTO feeds (id, url) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", feedId, url);
            return Jdbc.update(c, "UPDATE feeds SET paused = 1, paused_reason = ?, next_poll_at = NULL WHERE id = ?",
                    reason, feedId);
        });
    }

    @Override
    public java.util.Map<String, String> titles() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        db.withConnection("read feed titles", c -> Jdbc.query(c,
                "SELECT id, title FROM feeds WHERE title IS NOT NULL AND title <> ''",
                rs -> out.put(rs.getString(1), rs.getString(2))));
        return out;
    }

    @Override
    public java.util.Map<String, Instant> lastNewItems() {
        java.util.Map<String, Instant> out = new java.util.HashMap<>();
        db.withConnection("read when feeds last had new items", c -> Jdbc.query(c,
                "SELECT feed_id, MAX(first_seen_at) FROM items GROUP BY feed_id",
                rs -> out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)))));
        return out;
    }

    private static ChatFeed map(ResultSet rs) throws SQLException {
        return new ChatFeed(rs.getString("id"), rs.getString("url"), Duration.ofMillis(rs.getLong("interval_ms")),
                rs.getString("title"), rs.getString("added_by"), Instant.ofEpochMilli(rs.getLong("added_at")));
    }
}
