package io.herald.testsupport;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of a subclass twice, on SQLite and on PostgreSQL: {@link #database} is an empty database of the
 * kind for each test (the PostgreSQL run is skipped, with the reason, when no PostgreSQL answers).
 */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
public abstract class OnBothDatabases {
    @Parameter
    protected TestDatabase.Kind kind;
    @TempDir
    protected Path dir;
    protected TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(kind, dir);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
