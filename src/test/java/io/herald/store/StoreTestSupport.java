package io.herald.store;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders shared by store tests. */
final class StoreTestSupport {
    private StoreTestSupport() {
    }

    static Item item(String feed, String id, String title) {
        return new Item(feed, id, title, "https://example.org/" + id, Optional.of(Instant.parse("2024-01-02T03:04:05Z")),
                "summary of " + title, "", List.of("A. Writer"), List.of("world"));
    }

    static Alert alert(Destination to, Item item) {
        return new Alert(0, to, item, "Example Feed", "kursk", "short summary");
    }

    /**
     * Another node's transaction: runs {@code write} in a transaction of its own on another thread and keeps it open,
     * uncommitted, for {@code openMillis}; returns once the write is done (the transaction still open).
     */
    static Thread holdOpen(Database db, String what, Database.SqlWork<?> write, long openMillis)
            throws InterruptedException {
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> db.inTransaction(what, c -> {
            write.run(c);
            written.countDown();
            try {
                Thread.sleep(openMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        other.start();
        if (!written.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + ": the write did not happen within 10 s");
        }
        return other;
    }
}
