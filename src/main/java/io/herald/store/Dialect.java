package io.herald.store;

/**
 * The databases Herald runs on and everything that differs between them. The stores' SQL is written once for both
 * (ON CONFLICT, RETURNING, NOT EXISTS instead of SQLite's {@code OR IGNORE}, keys instead of {@code rowid}); what
 * is left is how each is opened ({@link Database}) and where each one's migrations live (here).
 */
enum Dialect {
    /** The embedded default: one file, one node; Quartz keeps its schedule in memory. */
    SQLITE("db/sqlite"),
    /** The shared database of a cluster; Quartz keeps its schedule in it too. */
    POSTGRESQL("db/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The classpath folder of this database's migrations ({@code V<n>__name.sql}, same names on both). */
    String migrations() {
        return migrations;
    }
}
