package io.herald.app;

import io.herald.config.Secret;
import io.herald.config.Settings;
import io.herald.schedule.ScheduleStore;
import io.herald.store.Database;
import io.herald.store.PostgresTarget;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens the database named by {@code HERALD_DB} (a SQLite file path, or a {@code jdbc:postgresql://} URL with the
 * password in it or in {@code HERALD_DB_PASSWORD}) and chooses where Quartz keeps the schedule to match: in memory
 * for SQLite, clustered in the same PostgreSQL database otherwise.
 */
final class Databases {
    private Databases() {
    }

    static Database open(Settings settings) {
        return open(settings.database(), settings.databasePassword());
    }

    static Database open(String spec, Optional<Secret> password) {
        if (spec.startsWith(PostgresTarget.PREFIX)) {
            return Database.openPostgres(postgres(spec, password));
        }
        String path = spec.startsWith("jdbc:sqlite:") ? spec.substring("jdbc:sqlite:".length()) : spec;
        return Database.openSqlite(Path.of(path));
    }

    /** In memory for SQLite; on PostgreSQL, Quartz's clustered store with a unique id for this node. */
    static ScheduleStore scheduleStore(Settings settings) {
        if (!settings.usesPostgres()) {
            return ScheduleStore.inMemory();
        }
        PostgresTarget target = postgres(settings.database(), settings.databasePassword());
        return new ScheduleStore.Clustered(target.url(), target.user(), target.password(), nodeId(),
                ScheduleStore.Clustered.DEFAULT_CHECKIN);
    }

    private static PostgresTarget postgres(String spec, Optional<Secret> password) {
        try {
            return PostgresTarget.parse(spec, password.map(Secret::value));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("HERALD_DB: " + e.getMessage());
        }
    }

    /** Host name, process id and a random part: unique even for two nodes started on one host at once. */
    private static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
