package io.herald.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The update queue behind {@code getUpdates}: ids grow by one, an {@code offset} confirms (drops) every earlier
 * update, and a call with a {@code timeout} is held until an update arrives, the timeout passes, a newer
 * {@code getUpdates} call takes over (the older one then gets 409 like Telegram), or the server closes.
 */
final class FakeTelegramUpdates {

    /** What a held {@code getUpdates} ended with: updates (possibly none), or a conflict. */
    record Poll(List<ObjectNode> updates, boolean conflict) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ObjectNode> queue = new ArrayList<>();
    private long nextUpdateId = 1;
    private long pollGeneration;
    private int conflicts;
    private int held;
    private boolean closed;

    /** Queues an update; {@code body} gets its {@code update_id}. */
    void add(ObjectNode body) {
        lock.lock();
        try {
            body.put("update_id", nextUpdateId++);
            queue.add(body);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Poll poll(Optional<Long> offset, int limit, int timeoutSeconds) throws InterruptedException {
        lock.lock();
        try {
            long generation = ++pollGeneration;
            changed.signalAll();
            offset.ifPresent(this::confirmBefore);
            long remaining = TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
            held++;
            try {
                while (queue.isEmpty() && remaining > 0 && !closed && generation == pollGeneration) {
                    remaining = changed.awaitNanos(remaining);
                }
            } finally {
                held--;
            }
            if (generation != pollGeneration) {
                conflicts++;
                return new Poll(List.of(), true);
            }
            return new Poll(List.copyOf(queue.subList(0, Math.min(limit, queue.size()))), false);
        } finally {
            lock.unlock();
        }
    }

    private void confirmBefore(long offset) {
        if (offset < 0) {
            int keep = (int) Math.min(queue.size(), -offset);
            queue.subList(0, queue.size() - keep).clear();
            return;
        }
        queue.removeIf(update -> update.get("update_id").asLong() < offset);
    }

    int conflicts() {
        lock.lock();
        try {
            return conflicts;
        } finally {
            lock.unlock();
        }
    }

    /** How many getUpdates calls are waiting for an update right now. */
    int held() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Updates queued and not yet confirmed by an offset. */
    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest unconfirmed update, waiting up to {@code timeoutMillis} for one; empty when none arrived or the
     * queue closed (webhook delivery takes updates this way instead of {@code getUpdates}).
     */
    Optional<ObjectNode> oldest(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (queue.isEmpty() && remaining > 0 && !closed) {
                remaining = changed.awaitNanos(remaining);
            }
            return queue.isEmpty() || closed ? Optional.empty() : Optional.of(queue.get(0).deepCopy());
        } finally {
            lock.unlock();
        }
    }

    /** Confirms (drops) the update with this id and every earlier one. */
    void confirmThrough(long updateId) {
        lock.lock();
        try {
            confirmBefore(updateId + 1);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every queued update ({@code drop_pending_updates}). */
    void dropAll() {
        lock.lock();
        try {
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes waiting calls (e.g. after a webhook was set or removed). */
    void poke() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
