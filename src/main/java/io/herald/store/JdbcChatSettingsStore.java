package io.herald.store;

import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link ChatSettingsStore} on JDBC. */
public final class JdbcChatSettingsStore implements ChatSettingsStore {
    private final Database db;
    private final Clock clock;

    public JdbcChatSettingsStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public ChatSettings get(Destination destination) {
        return db.withConnection("read settings of " + destination, c -> find(c, destination));
    }

    @Override
    public ChatSettings setDigest(Destination destination, DigestMode mode, LocalTime dailyAt) {
        return db.inTransaction("set the digest mode of " + destination, c -> {
            ensureRow(c, destination);
            Jdbc.update(c, "UPDATE chat_settings SET digest_mode = ?, digest_time = ?, updated_at = ?"
                            + " WHERE destination = ?", mode.name().toLowerCase(Locale.ROOT),
                    dailyAt == null ? null : dailyAt.toString(), clock.millis(), destination.toString());
            if (mode == DigestMode.OFF) {
                Jdbc.update(c, "UPDATE outbox SET next_attempt_at = ? WHERE destination = ? AND status = 'pending'"
                        + " AND next_attempt_at > ?", clock.millis(), destination.toString(), clock.millis());
            }
            return find(c, destination);
        });
    }

    @Override
    public ChatSettings setTimezone(Destination destination, ZoneId zone) {
        return db.inTransaction("set the time zone of " + destination, c -> {
            ensureRow(c, destination);
            Jdbc.update(c, "UPDATE chat_settings SET timezone = ?, updated_at = ? WHERE destination = ?",
                    zone.getId(), clock.millis(), destination.toString());
            return find(c, destination);
        });
    }

    @Override
    public Optional<LinkPreview> linkPreview(Destination destination) {
        return db.withConnection("read the link preview of " + destination, c -> Jdbc.query(c,
                "SELECT link_preview FROM chat_settings WHERE destination = ?", rs -> rs.getString(1),
                destination.toString())).stream().filter(java.util.Objects::nonNull).findFirst()
                .flatMap(LinkPreview::parse);
    }

    @Override
    public void setLinkPreview(Destination destination, LinkPreview preview) {
        db.inTransaction("set the link preview of " + destination, c -> {
            ensureRow(c, destination);
            return Jdbc.update(c, "UPDATE chat_settings SET link_preview = ?, updated_at = ? WHERE destination = ?",
                    preview.key(), clock.millis(), destination.toString());
        });
    }

    @Override
    public List<ChatSettings> withDigests() {
        return db.withConnection("list chats with digests", c -> Jdbc.query(c,
                "SELECT * FROM chat_settings WHERE digest_mode <> 'off' ORDER BY destination", JdbcChatSettingsStore::map));
    }

    private void ensureRow(Connection c, Destination destination) throws SQLException {
        Jdbc.update(c, "INSERT INTO chat_settings (destination, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                destination.toString(), clock.millis());
    }

    private static ChatSettings find(Connection c, Destination destination) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM chat_settings WHERE destination = ?", JdbcChatSettingsStore::map,
                destination.toString()).stream().findFirst().orElseGet(() -> ChatSettings.defaults(destination));
    }

    private static ChatSettings map(ResultSet rs) throws SQLException {
        String time = rs.getString("digest_time");
        return new ChatSettings(Destination.parse(rs.getString("destination")),
                DigestMode.valueOf(rs.getString("digest_mode").toUpperCase(Locale.ROOT)),
                time == null ? null : LocalTime.parse(time), ZoneId.of(rs.getString("timezone")));
    }
}
