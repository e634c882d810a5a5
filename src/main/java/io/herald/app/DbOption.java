package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.Secret;
import io.herald.config.Settings;
import io.herald.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The shared {@code --db} option of commands that read the database: a SQLite file or a {@code jdbc:postgresql://}
 * URL, by default {@code HERALD_DB} (then {@code data/herald.db}). Such commands never create a database: a SQLite
 * file that does not exist is bad input (exit 2).
 */
final class DbOption {
    @Option(names = "--db", paramLabel = "FILE-OR-URL",
            description = "SQLite file or jdbc:postgresql:// URL (default: $HERALD_DB or data/herald.db).")
    String db;

    /** The database as given by {@code --db} or the environment. */
    String spec() {
        if (db != null && !db.isBlank()) {
            return db.strip();
        }
        return settings().database();
    }

    /** Opens the database, which must already exist; {@code command} names the command in the error. */
    Database openExisting(String command) {
        String spec = spec();
        Optional<Secret> password = db != null && !db.isBlank() ? Optional.empty() : settings().databasePassword();
        if (!spec.startsWith("jdbc:postgresql:")) {
            String path = spec.startsWith("jdbc:sqlite:") ? spec.substring("jdbc:sqlite:".length()) : spec;
            if (!Files.isRegularFile(Path.of(path))) {
                throw new UserInputException(command + ": no database at " + path
                        + " (give --db FILE or set HERALD_DB); nothing was created");
            }
        }
        return Databases.open(spec, password);
    }

    /** The settings of the environment (for the secrets to keep out of output). */
    static Settings settings() {
        try {
            return Settings.fromEnv(Environment.current());
        } catch (ConfigException e) {
            throw UserInputException.from(e);
        }
    }
}
