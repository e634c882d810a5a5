package io.herald.store;

import io.herald.model.Item;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link FeedStore} on JDBC. */
public final class JdbcFeedStore implements FeedStore {
    private static final int IN_CHUNK = 200;
    /** Rows written per transaction when a poll brings many: each holds the write lock only briefly. */
    static final int WRITE_CHUNK = 1_000;
    /** Items kept beyond what a feed lists now: at least this many, or as many again as it lists. */
    static final int MEMORY_MARGIN = 200;

    private final Database db;
    private final Clock clock;
    private final AlertCodec codec = new AlertCodec();

    public JdbcFeedStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<FeedState> find(String feedId) {
        return db.withConnection("read state of feed " + feedId, c -> Jdbc.query(c,
                "SELECT * FROM feeds WHERE id = ?", JdbcFeedStore::map, feedId).stream().findFirst());
    }

    @Override
    public List<FeedState> all() {
        return db.withConnection("read feed states",
                c -> Jdbc.query(c, "SELECT * FROM feeds ORDER BY id", JdbcFeedStore::map));
    }

    @Override
    public Set<String> unseen(String feedId, Collection<String> itemKeys) {
        Set<String> unseen = new LinkedHashSet<>(itemKeys);
        List<String> keys = new ArrayList<>(unseen);
        db.withConnection("read seen items of feed " + feedId, c -> {
            for (int from = 0; from < keys.size(); from += IN_CHUNK) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
                Object[] params = new Object[chunk.size() + 1];
                params[0] = feedId;
                for (int i = 0; i < chunk.size(); i++) {
                    params[i + 1] = chunk.get(i);
                }
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                unseen.removeAll(new HashSet<>(Jdbc.query(c,
                        "SELECT item_key FROM items WHERE feed_id = ? AND item_key IN (" + marks + ")",
                        rs -> rs.getString(1), params)));
            }
            return null;
        });
        return unseen;
    }

    @Override
    public int recordPoll(PollRecord poll) {
        long now = clock.millis();
        Set<String> alerted = new HashSet<>();
        poll.alerts().forEach(p -> alerted.add(p.alert().item().id()));
        List<Item> withAlerts = poll.newItems().stream().filter(i -> alerted.contains(i.id())).toList();
        List<Item> others = poll.newItems().stream().filter(i -> !alerted.contains(i.id())).toList();
        int queued = db.inTransaction("record the alerts of a poll of feed " + poll.feedId(), c -> {
            upsertState(c, poll.feedId(), poll.url());
            insertItems(c, poll, withAlerts, now);
            int n = 0;
            for (PendingAlert pending : poll.alerts()) {
                n += queue(c, pending, poll.linkKeys().get(pending.alert().item().id()), now);
            }
            return n;
        });
        for (int from = 0; from < others.size(); from += WRITE_CHUNK) {
            List<Item> chunk = others.subList(from, Math.min(others.size(), from + WRITE_CHUNK));
            db.inTransaction("record new items of feed " + poll.feedId(), c -> {
                upsertState(c, poll.feedId(), poll.url());
                insertItems(c, poll, chunk, now);
                return null;
            });
        }
        if (!poll.listed().isEmpty()) {
            List<String> listed = new ArrayList<>(poll.listed());
            for (int from = 0; from < listed.size(); from += WRITE_CHUNK) {
                List<String> chunk = listed.subList(from, Math.min(listed.size(), from + WRITE_CHUNK));
                db.inTransaction("mark listed items of feed " + poll.feedId(),
                        c -> markListed(c, poll.feedId(), chunk, now));
            }
            db.inTransaction("forget old items of feed " + poll.feedId(),
                    c -> forgetOld(c, poll.feedId(), listed.size()));
        }
        db.inTransaction("record a poll of feed " + poll.feedId(), c -> {
            upsertState(c, poll.feedId(), poll.url());
            JdbcRecentStories.remember(c, poll.newItems(), now);
            return Jdbc.update(c, "UPDATE feeds SET etag = ?, last_modified = ?, initialized = 1, last_success_at = ?,"
                            + " consecutive_errors = 0 WHERE id = ?",
                    poll.etag().orElse(null), poll.lastModified().orElse(null), now, poll.feedId());
        });
        return queued;
    }

    private static void insertItems(Connection c, PollRecord poll, List<Item> items, long now) throws SQLException {
        for (Item item : items) {
            Jdbc.update(c, "INSERT INTO items (feed_id, item_key, link, title, first_seen_at, link_key,"
                    + " last_listed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", poll.feedId(),
                    item.id(), item.link(), item.title(), now, poll.linkKeys().get(item.id()), now);
        }
    }

    @Override
    public int dropPendingBeyond(String feedId, Collection<String> destinations, int maxPerFeed,
                                 int maxPerDestination) {
        int dropped = db.inTransaction("drop pending alerts of feed " + feedId + " beyond " + maxPerFeed,
                c -> Jdbc.update(c, "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status = 'pending'"
                        + " AND feed_id = ? ORDER BY id DESC LIMIT ? OFFSET ?)", feedId, Integer.MAX_VALUE,
                        maxPerFeed));
        for (String destination : new LinkedHashSet<>(destinations)) {
            dropped += db.inTransaction("drop pending alerts to " + destination + " beyond " + maxPerDestination,
                    c -> Jdbc.update(c, "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE"
                            + " status = 'pending' AND destination = ? ORDER BY id DESC LIMIT ? OFFSET ?)",
                            destination, Integer.MAX_VALUE, maxPerDestination));
        }
        return dropped;
    }

    @Override
    public boolean flagFlood(String feedId, String reason, int skippedItems, int skippedAlerts) {
        return db.inTransaction("flag feed " + feedId + " as flooding", c -> {
            boolean fresh = Jdbc.queryInt(c, "SELECT COUNT(*) FROM feeds WHERE id = ? AND flooded_at IS NULL",
                    feedId) > 0;
            Jdbc.update(c, "UPDATE feeds SET flooded_at = COALESCE(flooded_at, ?), flood_reason = ?,"
                    + " skipped_items = CASE WHEN flooded_at IS NULL THEN 0 ELSE skipped_items END + ?,"
                    + " skipped_alerts = CASE WHEN flooded_at IS NULL THEN 0 ELSE skipped_alerts END + ?"
                    + " WHERE id = ?", clock.millis(), reason, skippedItems, skippedAlerts, feedId);
            return fresh;
        });
    }

    @Override
    public void clearFlood(String feedId) {
        db.withConnection("clear the flood flag of feed " + feedId, c -> Jdbc.update(c,
                "UPDATE feeds SET flooded_at = NULL, flood_reason = NULL WHERE id = ? AND flooded_at IS NOT NULL",
                feedId));
    }

    @Override
    public void recordFailure(String feedId, String url, String error) {
        db.inTransaction("record a failed poll of feed " + feedId, c -> {
            upsertState(c, feedId, url);
            return Jdbc.update(c, "UPDATE feeds SET last_error = ?, last_error_at = ?,"
                    + " consecutive_errors = consecutive_errors + 1 WHERE id = ?", error, clock.millis(), feedId);
        });
    }

    /**
     * One outbox row, unless the destination already has an alert for the same canonical link (the same story
     * from another feed, or under a changed guid). The check spares a failed insert; the unique index on
     * {@code (destination, link_key)} decides when another node queues the same story at the same moment.
     */
    private int queue(Connection c, PendingAlert pending, String linkKey, long now) throws SQLException {
        String destination = pending.alert().destination().toString();
        if (linkKey != null && Jdbc.queryInt(c, "SELECT COUNT(*) FROM outbox WHERE destination = ? AND link_key = ?",
                destination, linkKey) > 0) {
            return 0;
        }
        return Jdbc.update(c, "INSERT INTO outbox (feed_id, item_key, subscription_id, destination, payload,"
                        + " next_attempt_at, created_at, link_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                pending.alert().item().feedId(), pending.alert().item().id(), pending.subscriptionId(),
                destination, codec.encode(pending.alert()), now, now, linkKey);
    }

    private static int markListed(Connection c, String feedId, List<String> keys, long now) throws SQLException {
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            Object[] params = new Object[chunk.size() + 2];
            params[0] = now;
            params[1] = feedId;
            for (int i = 0; i < chunk.size(); i++) {
                params[i + 2] = chunk.get(i);
            }
            Jdbc.update(c, "UPDATE items SET last_listed_at = ? WHERE feed_id = ? AND item_key IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", params);
        }
        return keys.size();
    }

    /** Bounded memory: keeps what the feed lists now plus a margin of the most recently listed others. */
    private static int forgetOld(Connection c, String feedId, int listed) throws SQLException {
        int keep = listed + Math.max(MEMORY_MARGIN, listed);
        int forgotten = Jdbc.update(c, "DELETE FROM items WHERE feed_id = ? AND item_key NOT IN (SELECT item_key FROM"
                + " items WHERE feed_id = ? ORDER BY COALESCE(last_listed_at, first_seen_at) DESC, first_seen_at DESC"
                + " LIMIT ?)", feedId, feedId, keep);
        JdbcRecentStories.forgetWithoutItem(c, feedId);
        return forgotten;
    }

    @Override
    public Set<String> unseenItems(String feedId, Map<String, String> itemKeys) {
        Set<String> fresh = unseen(feedId, itemKeys.keySet());
        Map<String, String> withLinks = new java.util.HashMap<>();
        for (String key : fresh) {
            String link = itemKeys.get(key);
            if (link != null) {
                withLinks.put(link, key);
            }
        }
        List<String> links = new ArrayList<>(withLinks.keySet());
        db.withConnection("read link keys of feed " + feedId, c -> {
            for (int from = 0; from < links.size(); from += IN_CHUNK) {
                List<String> chunk = links.subList(from, Math.min(links.size(), from + IN_CHUNK));
                Object[] params = new Object[chunk.size() + 1];
                params[0] = feedId;
                for (int i = 0; i < chunk.size(); i++) {
                    params[i + 1] = chunk.get(i);
                }
                for (String known : Jdbc.query(c, "SELECT link_key FROM items WHERE feed_id = ? AND link_key IN ("
                        + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                        rs -> rs.getString(1), params)) {
                    fresh.remove(withLinks.get(known));
                }
            }
            return null;
        });
        return fresh;
    }

    @Override
    public void scheduleNext(String feedId, String url, Instant nextPoll) {
        db.inTransaction("schedule feed " + feedId, c -> {
            upsertState(c, feedId, url);
            return Jdbc.update(c, "UPDATE feeds SET next_poll_at = ? WHERE id = ?", nextPoll.toEpochMilli(), feedId);
        });
    }

    @Override
    public void pause(String feedId, String reason) {
        db.withConnection("pause feed " + feedId, c -> Jdbc.update(c,
                "UPDATE feeds SET paused = 1, paused_reason = ?, next_poll_at = NULL WHERE id = ?", reason, feedId));
    }

    @Override
    public boolean resume(String feedId) {
        return db.withConnection("resume feed " + feedId, c -> Jdbc.update(c, "UPDATE feeds SET paused = 0,"
                + " paused_reason = NULL, consecutive_errors = 0 WHERE id = ?", feedId)) > 0;
    }

    @Override
    public void recordTitle(String feedId, String title) {
        db.withConnection("record the title of feed " + feedId, c -> Jdbc.update(c,
                "UPDATE feeds SET title = ? WHERE id = ? AND (title IS NULL OR title <> ?)", title, feedId, title));
    }

    @Override
    public void movePermanently(String feedId, String url, String pollUrl) {
        db.inTransaction("record the new address of feed " + feedId, c -> {
            upsertState(c, feedId, url);
            return Jdbc.update(c, "UPDATE feeds SET poll_url = ? WHERE id = ?", pollUrl, feedId);
        });
    }

    /** Creates the row; a changed configured URL forgets an earlier redirect. */
    private static void upsertState(Connection c, String feedId, String url) throws SQLException {
        Jdbc.update(c, "INSERT INTO feeds (id, url) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " poll_url = CASE WHEN feeds.url = excluded.url THEN feeds.poll_url ELSE NULL END,"
                + " url = excluded.url", feedId, url);
    }

    private static FeedState map(ResultSet rs) throws SQLException {
        return new FeedState(rs.getString("id"), rs.getString("url"),
                Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified")),
                rs.getInt("initialized") != 0, instant(rs, "last_success_at"),
                Optional.ofNullable(rs.getString("last_error")), instant(rs, "last_error_at"),
                rs.getInt("consecutive_errors"), instant(rs, "next_poll_at"), rs.getInt("paused") != 0,
                Optional.ofNullable(rs.getString("paused_reason")), Optional.ofNullable(rs.getString("poll_url")),
                flood(rs));
    }

    private static Optional<FeedFlood> flood(ResultSet rs) throws SQLException {
        Long since = Jdbc.nullableLong(rs, "flooded_at");
        return since == null ? Optional.empty() : Optional.of(new FeedFlood(Instant.ofEpochMilli(since),
                Optional.ofNullable(rs.getString("flood_reason")).orElse(""), rs.getLong("skipped_items"),
                rs.getLong("skipped_alerts")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Long v = Jdbc.nullableLong(rs, column);
        return v == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
