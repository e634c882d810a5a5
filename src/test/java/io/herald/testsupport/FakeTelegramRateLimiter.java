package io.herald.testsupport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a message to a chat is within the limits; remembers every 429 it answered and counts sends that
 * arrive while the chat's {@code retry_after} window is still open. Thread-safe.
 */
final class FakeTelegramRateLimiter {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private FakeTelegramRateLimits limits = FakeTelegramRateLimits.DEFAULT;
    private final Map<Long, double[]> buckets = new HashMap<>(); // chat -> {tokens, lastRefillNanos}
    private final Map<Long, Deque<Long>> groupSends = new HashMap<>();
    private final Map<Long, Long> retryUntil = new HashMap<>();
    private final List<FakeTelegramServer.RateLimitHit> hits = new ArrayList<>();
    private final Map<Long, Long> forced = new HashMap<>();
    private final Map<Long, Long> throttled = new HashMap<>(); // chat -> retry_after seconds of its next send
    private int insideRetryWindow;
    private int throttledSends;
    private double globalPerSecond;
    private double globalBurst;
    private double globalTokens;
    private long globalRefilledAt;
    private long minRetryAfterSeconds = 1;

    synchronized void configure(FakeTelegramRateLimits newLimits) {
        this.limits = newLimits;
        buckets.clear();
        groupSends.clear();
        retryUntil.clear();
    }

    /**
     * Takes one send for the chat.
     *
     * @return empty when allowed, else the {@code retry_after} seconds to answer with 429
     */
    synchronized OptionalLong acquire(long chatId) {
        if (!limits.enabled()) {
            return OptionalLong.empty();
        }
        long now = System.nanoTime();
        Long until = retryUntil.get(chatId);
        Long force = (until == null || now >= until) ? forced.remove(chatId) : null;
        if (force != null) {
            return refuse(chatId, now, force * SECOND);
        }
        if (until != null && now < until) {
            insideRetryWindow++;
            return refuse(chatId, now, until - now);
        }
        Long throttle = throttled.remove(chatId);
        if (throttle != null) {
            throttledSends++;
            return refuse(chatId, now, throttle * SECOND);
        }
        double[] bucket = buckets.computeIfAbsent(chatId, id -> new double[] {limits.burst(), now});
        bucket[0] = Math.min(limits.burst(), bucket[0] + (now - bucket[1]) * limits.perChatPerSecond() / SECOND);
        bucket[1] = now;
        if (bucket[0] < 1) {
            long wait = (long) Math.ceil((1 - bucket[0]) / limits.perChatPerSecond() * SECOND);
            return refuse(chatId, now, wait);
        }
        if (globalPerSecond > 0) {
            globalTokens = Math.min(globalBurst, globalTokens + (now - globalRefilledAt) * globalPerSecond / SECOND);
            globalRefilledAt = now;
            if (globalTokens < 1) {
                return refuse(chatId, now, (long) Math.ceil((1 - globalTokens) / globalPerSecond * SECOND));
            }
        }
        if (chatId < 0) {
            Deque<Long> window = groupSends.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            while (!window.isEmpty() && now - window.peekFirst() >= MINUTE) {
                window.pollFirst();
            }
            if (window.size() >= limits.groupPerMinute()) {
                return refuse(chatId, now, window.peekFirst() + MINUTE - now);
            }
            window.addLast(now);
        }
        if (globalPerSecond > 0) {
            globalTokens -= 1;
        }
        bucket[0] -= 1;
        return OptionalLong.empty();
    }

    private OptionalLong refuse(long chatId, long now, long waitNanos) {
        long seconds = Math.max(minRetryAfterSeconds, (waitNanos + SECOND - 1) / SECOND);
        hits.add(new FakeTelegramServer.RateLimitHit(chatId, seconds));
        retryUntil.put(chatId, now + seconds * SECOND);
        return OptionalLong.of(seconds);
    }

    /** Limits messages across all chats: a bucket of {@code burst} refilled at {@code perSecond}; 0 turns it off. */
    synchronized void configureGlobal(double perSecond, int burst) {
        globalPerSecond = perSecond;
        globalBurst = burst;
        globalTokens = burst;
        globalRefilledAt = System.nanoTime();
    }

    /** Every 429 asks for at least this many seconds (Telegram's flood answers often ask for several). */
    synchronized void minimumRetryAfter(long seconds) {
        minRetryAfterSeconds = Math.max(1, seconds);
    }

    /** How many chats are inside a {@code retry_after} window now. */
    synchronized int openRetryWindows() {
        long now = System.nanoTime();
        return (int) retryUntil.values().stream().filter(until -> until > now).count();
    }

    /** The next send to the chat gets a 429 with this {@code retry_after}, whatever the limits say. */
    synchronized void force(long chatId, long retryAfterSeconds) {
        forced.put(chatId, retryAfterSeconds);
    }

    /**
     * The next send to the chat gets 429 with this {@code retry_after}, whatever its pace (Telegram's flood control
     * does this without saying why); counted in {@link #hits()} and in {@link #throttledSends()}.
     */
    synchronized void throttleNext(long chatId, long retryAfterSeconds) {
        throttled.put(chatId, retryAfterSeconds);
    }

    synchronized int throttledSends() {
        return throttledSends;
    }

    synchronized List<FakeTelegramServer.RateLimitHit> hits() {
        return List.copyOf(hits);
    }

    synchronized int sendsInsideRetryWindow() {
        return insideRetryWindow;
    }
}
