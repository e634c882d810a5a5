package io.herald.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Commands per user: at most {@code limit} in any {@code window}. The first command past the limit is answered
 * with one "slow down"; further ones get nothing until the window has room again. Thread-safe; remembers a bounded
 * number of users (the least recently active are forgotten). Exempt users (Herald's admins, who set up feeds and routes
 * with bursts of commands) are always answered.
 */
public final class CommandThrottle {
    /** What a flooding user gets, once per flood. */
    public static final String SLOW_DOWN = "Slow down, please: you sent many commands in a short time. I'll answer"
            + " again in a minute.";
    private static final int MAX_USERS = 10_000;

    /** What to do with one command. */
    public enum Verdict { ANSWER, SLOW_DOWN, IGNORE }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Predicate<String> exempt;
    private final Map<String, User> users = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, User> eldest) {
            return size() > MAX_USERS;
        }
    };

    private static final class User {
        final Deque<Instant> recent = new ArrayDeque<>();
        boolean warned;
    }

    public CommandThrottle(int limit, Duration window, Clock clock) {
        this(limit, window, clock, user -> false);
    }

    private CommandThrottle(int limit, Duration window, Clock clock, Predicate<String> exempt) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("throttle: limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.exempt = exempt;
    }

    /** The same limits, with {@code exempt} users always answered (and not counted). */
    public CommandThrottle exempting(Predicate<String> exempt) {
        return new CommandThrottle(limit, window, clock, exempt);
    }

    /** Five commands per user in any twenty seconds. */
    public static CommandThrottle standard(Clock clock) {
        return new CommandThrottle(5, Duration.ofSeconds(20), clock);
    }

    /** Counts one command of {@code userId} and says whether to answer it. */
    public synchronized Verdict check(String userId) {
        if (exempt.test(userId)) {
            return Verdict.ANSWER;
        }
        Instant now = clock.instant();
        User user = users.computeIfAbsent(userId, id -> new User());
        while (!user.recent.isEmpty() && !user.recent.peekFirst().isAfter(now.minus(window))) {
            user.recent.pollFirst();
        }
        if (user.recent.size() < limit) {
            user.recent.addLast(now);
            user.warned = false;
            return Verdict.ANSWER;
        }
        if (user.warned) {
            return Verdict.IGNORE;
        }
        user.warned = true;
        return Verdict.SLOW_DOWN;
    }
}
