package io.herald.app;

import io.herald.model.Redactor;
import io.herald.store.Database;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.FailureGroup;
import io.herald.store.OutboxEntry;
import io.herald.store.OutboxStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code herald outbox}: counts per status, failure reasons with counts, then the newest pending and failed rows. */
@Command(name = "outbox", description = "List alerts waiting to be delivered and alerts given up on, with reasons.")
final class OutboxCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    DbOption db;

    @Option(names = "--limit", defaultValue = "20", description = "rows to list per status (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--status", defaultValue = "all",
            description = "pending, failed or all (default ${DEFAULT-VALUE})")
    String status;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new UserInputException("--limit must be 0 or more, not " + limit);
        }
        List<OutboxEntry.Status> statuses = switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "pending" -> List.of(OutboxEntry.Status.PENDING);
            case "failed" -> List.of(OutboxEntry.Status.FAILED);
            case "all" -> List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.FAILED);
            default -> throw new UserInputException("--status must be pending, failed or all, not " + status);
        };
        Database database = db.openExisting("outbox");
        print(new JdbcOutboxStore(database, Clock.systemUTC()), statuses, System.out, DbOption.settings().redactor());
        return Main.OK;
    }

    void print(OutboxStore outbox, List<OutboxEntry.Status> statuses, PrintStream out) {
        print(outbox, statuses, out, Redactor.SHAPES_ONLY);
    }

    /** Prints the outbox; every reason passes {@code redactor} (rows stored by older versions may hold secrets). */
    void print(OutboxStore outbox, List<OutboxEntry.Status> statuses, PrintStream out, Redactor redactor) {
        Map<OutboxEntry.Status, Integer> counts = outbox.counts();
        out.printf("outbox: %d pending, %d sent, %d failed%n", counts.get(OutboxEntry.Status.PENDING),
                counts.get(OutboxEntry.Status.SENT), counts.get(OutboxEntry.Status.FAILED));
        List<FailureGroup> groups = outbox.failureGroups(10);
        if (!groups.isEmpty()) {
            out.println();
            out.println("failures by reason (each alert's own id as #, its own destination as <destination>):");
            for (FailureGroup g : groups) {
                out.printf("%6d  %s%n", g.count(), redactor.redact(g.reason()));
                out.println("        to " + String.join(", ", g.destinations())
                        + (g.destinationCount() > g.destinations().size() ? ", ..." : "")
                        + "; alerts " + g.alertIds().stream().map(id -> "#" + id)
                        .collect(java.util.stream.Collectors.joining(", "))
                        + (g.count() > g.alertIds().size() ? ", ..." : ""));
            }
        }
        for (OutboxEntry.Status s : statuses) {
            List<OutboxEntry> rows = outbox.recent(s, limit);
            out.println();
            out.println(s.name().toLowerCase(java.util.Locale.ROOT) + " (newest first, at most " + limit
                    + "; attempts are sends tried, not counting waits the platform asked for):");
            if (rows.isEmpty()) {
                out.println("  none");
            }
            rows.forEach(r -> out.println(redactor.redact(line(r))));
        }
    }

    private static String line(OutboxEntry r) {
        StringBuilder sb = new StringBuilder("  #").append(r.id()).append("  ").append(r.alert().destination())
                .append("  queued ").append(TIME.format(r.createdAt())).append("  attempts ").append(r.attempts());
        if (r.status() == OutboxEntry.Status.PENDING) {
            sb.append("  next ").append(TIME.format(r.nextAttemptAt()));
        }
        sb.append("  \"").append(io.herald.deliver.Digest.shorten(r.alert().item().title(), 60)).append('"');
        r.lastError().ifPresent(e -> sb.append("\n      reason: ").append(e));
        return sb.toString();
    }
}
