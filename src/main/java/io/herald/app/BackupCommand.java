package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.Settings;
import io.herald.store.Database;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.OutboxEntry;
import io.herald.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herald backup FILE}: a consistent copy of the SQLite database, also while Herald runs and writes to it
 * (SQLite's {@code VACUUM INTO}: one read transaction, so the copy is the database as of one moment). The copy is
 * written next to FILE, checked ({@code PRAGMA quick_check}) and only then renamed to FILE.
 */
@Command(name = "backup", description = "Write a consistent copy of the SQLite database, also while Herald runs.")
final class BackupCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "where to write the copy (must not exist)")
    Path target;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite database (default: $HERALD_DB or data/herald.db).")
    String db;

    @Override
    public Integer call() {
        Path source = source();
        if (Files.exists(target)) {
            throw new UserInputException("backup: " + target + " already exists; choose a new file name");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.deleteIfExists(partial);
            Database.openSqlite(source).backupTo(partial);
            Database copy = Database.openSqlite(partial);
            String check = copy.quickCheck();
            if (!"ok".equals(check)) {
                throw new IllegalStateException("backup: the copy failed its integrity check: " + check);
            }
            report(copy, System.out);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | StoreException e) {
            throw new IllegalStateException("backup: cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
        return Main.OK;
    }

    private Path source() {
        String database;
        try {
            database = db != null ? db : Settings.fromEnv(Environment.current()).database();
        } catch (ConfigException e) {
            throw UserInputException.from(e);
        }
        if (database.startsWith("jdbc:")) {
            throw new UserInputException("backup copies a SQLite database; back up PostgreSQL with pg_dump");
        }
        if (!Files.isRegularFile(Path.of(database))) {
            throw new UserInputException("backup: no database at " + database + " (set HERALD_DB or --db)");
        }
        return Path.of(database);
    }

    private void report(Database copy, PrintStream out) throws IOException {
        Map<OutboxEntry.Status, Integer> alerts = new JdbcOutboxStore(copy, Clock.systemUTC()).counts();
        int feeds = new JdbcFeedStore(copy, Clock.systemUTC()).all().size();
        out.printf("backup: wrote %s (%d KiB): %d feeds; alerts %d pending, %d sent, %d failed; integrity ok%n",
                target, Files.size(copy.file().orElseThrow()) / 1024, feeds, alerts.get(OutboxEntry.Status.PENDING),
                alerts.get(OutboxEntry.Status.SENT), alerts.get(OutboxEntry.Status.FAILED));
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + "-wal"));
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + "-shm"));
        } catch (IOException e) {
            // a leftover .partial file is harmless and named as such
        }
    }
}
