package io.herald.app;

import io.herald.config.FeedConfig;
import io.herald.store.FeedState;
import io.herald.store.JdbcFeedStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code herald feeds}: per-feed health from the database (last success, last error, errors in a row, next poll). */
@Command(name = "feeds", description = "Show each feed's health: last success, last error, failures in a row,"
        + " next poll.")
final class FeedsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    DbOption db;

    @Option(names = "--resume", paramLabel = "FEED-ID",
            description = "Resume polling a paused feed (takes effect at the next start of the service).")
    String resume;

    @Override
    public Integer call() {
        List<FeedConfig> configured = Files.isRegularFile(config.path()) ? config.load().config().feeds() : List.of();
        JdbcFeedStore store = new JdbcFeedStore(db.openExisting("feeds"), Clock.systemUTC());
        if (resume != null) {
            if (!store.resume(resume)) {
                throw new UserInputException("feeds: no feed '" + resume + "' in the database");
            }
            System.out.println("feed " + resume + ": resumed; it is polled again at the next start");
            return Main.OK;
        }
        print(System.out, configured, store.all(), Instant.now());
        return Main.OK;
    }

    /** One block per feed: configured feeds first (in config order), then feeds only the database knows. */
    static void print(PrintStream out, List<FeedConfig> configured, List<FeedState> states, Instant now) {
        Map<String, FeedState> byId = new HashMap<>();
        states.forEach(s -> byId.put(s.feedId(), s));
        Map<String, Optional<FeedState>> rows = new LinkedHashMap<>();
        configured.forEach(f -> rows.put(f.id(), Optional.ofNullable(byId.get(f.id()))));
        states.forEach(s -> rows.putIfAbsent(s.feedId(), Optional.of(s)));
        if (rows.isEmpty()) {
            out.println("No feeds configured or polled yet.");
            return;
        }
        rows.forEach((id, state) -> out.print(render(id, state, now)));
    }

    static String render(String id, Optional<FeedState> state, Instant now) {
        StringBuilder sb = new StringBuilder(id).append(": ");
        if (state.isEmpty()) {
            return sb.append("never polled\n").toString();
        }
        FeedState s = state.get();
        sb.append(s.paused() ? "PAUSED" : s.consecutiveErrors() > 0 ? "FAILING" : "ok")
                .append(s.flood().isPresent() ? ", FLOODING" : "").append('\n');
        sb.append("  url:                ").append(s.pollUrl().map(u -> u + " (moved from " + s.url() + ")")
                .orElse(s.url())).append('\n');
        sb.append("  last success:       ").append(s.lastSuccess().map(i -> when(i, now)).orElse("never")).append('\n');
        sb.append("  last error:         ").append(s.lastError().map(e -> e + s.lastErrorAt()
                .map(i -> " (" + when(i, now) + ")").orElse("")).orElse("none")).append('\n');
        s.flood().ifPresent(f -> sb.append("  flooding since:     ").append(when(f.since(), now)).append(": ")
                .append(f.reason()).append(" (").append(f.skippedItems()).append(" items and ")
                .append(f.skippedAlerts()).append(" alerts skipped since)\n"));
        sb.append("  failures in a row:  ").append(s.consecutiveErrors()).append('\n');
        sb.append("  next poll:          ").append(s.paused() ? "none (paused: " + s.pausedReason().orElse("") + ")"
                : s.nextPoll().map(i -> when(i, now)).orElse("at start")).append('\n');
        return sb.toString();
    }

    private static String when(Instant at, Instant now) {
        long seconds = ChronoUnit.SECONDS.between(now, at);
        String relative = seconds >= 0 ? "in " + human(seconds) : human(-seconds) + " ago";
        return at.truncatedTo(ChronoUnit.SECONDS) + ", " + relative;
    }

    private static String human(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        if (seconds < 172800) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " days";
    }
}
