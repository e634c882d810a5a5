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
import java.util.Optional;
import java.util.Set;

/** {@link FeedStore} on JDBC. */
public final class JdbcFeedStore implements FeedStore {
    private static final int IN_CHUNK = 200;

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
        return db.inTransaction("record a poll of feed " + poll.feedId(), c -> {
            for (Item item : poll.newItems()) {
                Jdbc.update(c, "INSERT INTO items (feed_id, item_key, link, title, first_seen_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", poll.feedId(), item.id(), item.link(), item.title(), now);
            }
            int queued = 0;
            for (PendingAlert pending : poll.alerts()) {
                queued += Jdbc.update(c, "INSERT INTO outbox (feed_id, item_key, subscription_id, destination, payload,"
                                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        pending.alert().item().feedId(), pending.alert().item().id(), pending.subscriptionId(),
                        pending.alert().destination().toString(), codec.encode(pending.alert()), now, now);
            }
            upsertState(c, poll.feedId(), poll.url());
            Jdbc.update(c, "UPDATE feeds SET etag = ?, last_modified = ?, initialized = 1, last_success_at = ?,"
                            + " consecutive_errors = 0 WHERE id = ?",
                    poll.etag().orElse(null), poll.lastModified().orElse(null), now, poll.feedId());
            return queued;
        });
    }

    @Override
    public void recordFailure(String feedId, String url, String error) {
        db.inTransaction("record a failed poll of feed " + feedId, c -> {
            upsertState(c, feedId, url);
            return Jdbc.update(c, "UPDATE feeds SET last_error = ?, last_error_at = ?,"
                    + " consecutive_errors = consecutive_errors + 1 WHERE id = ?", error, clock.millis(), feedId);
        });
    }

    private static void upsertState(Connection c, String feedId, String url) throws SQLException {
        Jdbc.update(c, "INSERT INTO feeds (id, url) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url",
                feedId, url);
    }

    private static FeedState map(ResultSet rs) throws SQLException {
        return new FeedState(rs.getString("id"), rs.getString("url"),
                Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified")),
                rs.getInt("initialized") != 0, instant(rs, "last_success_at"),
                Optional.ofNullable(rs.getString("last_error")), instant(rs, "last_error_at"),
                rs.getInt("consecutive_errors"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Long v = Jdbc.nullableLong(rs, column);
        return v == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
