package io.herald.app;

import io.herald.store.Database;
import java.nio.file.Path;

/** Opens the database named by {@code HERALD_DB}. */
final class Databases {
    private Databases() {
    }

    static Database open(String spec) {
        if (spec.startsWith("jdbc:postgresql:")) {
            throw new UserInputException("HERALD_DB: PostgreSQL (cluster mode) is not available in this version;"
                    + " use a SQLite file path");
        }
        String path = spec.startsWith("jdbc:sqlite:") ? spec.substring("jdbc:sqlite:".length()) : spec;
        return Database.openSqlite(Path.of(path));
    }
}
