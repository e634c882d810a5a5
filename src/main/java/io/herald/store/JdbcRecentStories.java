package io.herald.store;

import io.herald.model.Item;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link RecentStories} on JDBC; {@link JdbcFeedStore} writes them in the same transaction as the items. */
public final class JdbcRecentStories implements RecentStories {
    private final Database db;

    public JdbcRecentStories(Database db) {
        this.db = db;
    }

    @Override
    public List<Item> latest(int limit) {
        return db.withConnection("read the recent stories", c -> Jdbc.query(c,
                "SELECT feed_id, item_key, title, body, link FROM recent_stories ORDER BY id DESC LIMIT ?",
                rs -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5),
                        Optional.empty(), rs.getString(4), "", List.of(), List.of()), Math.max(0, limit)));
    }

    /** Keeps new items' text (the first {@value RecentStories#KEPT} of a poll, feeds list the newest first), then forgets all but the newest {@value RecentStories#KEPT}. */
    static void remember(Connection c, List<Item> items, long now) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        List<Item> newest = new java.util.ArrayList<>(items.subList(0, Math.min(items.size(), KEPT)));
        java.util.Collections.reverse(newest); // the newest story gets the highest id
        for (Item item : newest) {
            String text = item.text();
            Jdbc.update(c, "INSERT INTO recent_stories (feed_id, item_key, title, body, link, seen_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", item.feedId(), item.id(),
                    item.title(), text.length() > TEXT_CHARS ? text.substring(0, TEXT_CHARS) : text, item.link(),
                    now);
        }
        Jdbc.update(c, "DELETE FROM recent_stories WHERE id <= (SELECT id FROM recent_stories ORDER BY id DESC"
                + " LIMIT 1 OFFSET ?)", KEPT);
    }

    /** Forgets the stories of {@code feedId} (or of every feed, when null) whose item was forgotten. */
    static void forgetWithoutItem(Connection c, String feedId) throws SQLException {
        String orphan = "NOT EXISTS (SELECT 1 FROM items i WHERE i.feed_id = recent_stories.feed_id"
                + " AND i.item_key = recent_stories.item_key)";
        if (feedId == null) {
            Jdbc.update(c, "DELETE FROM recent_stories WHERE " + orphan);
        } else {
            Jdbc.update(c, "DELETE FROM recent_stories WHERE feed_id = ? AND " + orphan, feedId);
        }
    }
}
