package io.herald.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.health.HealthReport;
import io.herald.health.HealthSample;
import io.herald.health.Transports;
import io.herald.http.HttpReply;
import io.herald.store.OutboxEntry;
import io.herald.supervise.WorkerState;
import java.util.List;
import java.util.Locale;

/**
 * A health answer as JSON: {@code status} ({@code ok}, {@code degraded}, {@code down}), {@code reasons}, the feed
 * and outbox counts of the last check, every supervised loop and chat transport, the poll scheduler's state, and
 * each leader role ({@code delivery}, {@code telegram-updates}) as {@code leader} or {@code standby} on this node;
 * 503 when not ready.
 */
record HealthPage(HealthReport report, List<WorkerState> workers, List<Transports.State> transports,
                  String scheduler, java.util.Map<String, String> roles) {
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpReply reply() {
        return HttpReply.json(report.ready() ? 200 : 503, json());
    }

    String json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", report.status().label());
        report.reasons().forEach(body.putArray("reasons")::add);
        report.sample().ifPresent(s -> counts(body, s));
        ObjectNode loops = body.putObject("workers");
        workers.forEach(w -> loops.put(w.name(), w.status().name().toLowerCase(Locale.ROOT)));
        ObjectNode chat = body.putObject("transports");
        transports.forEach(t -> chat.put(t.transport(), t.connected() ? "connected" : "disconnected"));
        if (!scheduler.isEmpty()) {
            body.put("scheduler", scheduler);
        }
        if (!roles.isEmpty()) {
            ObjectNode leads = body.putObject("roles");
            roles.forEach(leads::put);
        }
        return body.toString();
    }

    private static void counts(ObjectNode body, HealthSample s) {
        body.put("feeds", s.feeds());
        body.put("feedsFailing", s.failingFeeds().size());
        body.put("alertsPending", s.alerts().getOrDefault(OutboxEntry.Status.PENDING, 0));
        body.put("alertsFailed", s.alerts().getOrDefault(OutboxEntry.Status.FAILED, 0));
        s.oldestDue().ifPresent(due -> body.put("oldestDueAlert", due.toString()));
    }
}
