package io.herald.app;

import io.herald.config.Settings;
import io.herald.health.HealthMonitor;
import io.herald.health.HealthReport;
import io.herald.health.HealthSample;
import io.herald.health.Readiness;
import io.herald.health.Transports;
import io.herald.http.HttpLimits;
import io.herald.http.Routes;
import io.herald.http.WebServer;
import io.herald.metrics.micrometer.PrometheusMetrics;
import io.herald.schedule.PollScheduler;
import io.herald.store.Database;
import io.herald.store.FeedStore;
import io.herald.store.JdbcHistoryStore;
import io.herald.store.OutboxStore;
import io.herald.store.Retention;
import io.herald.supervise.Supervisor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What keeps the service observable and alive: the supervisor of every long-running loop, the chat transports'
 * states, the background health checks and the readiness they feed, the metrics, retention, and the HTTP server.
 */
final class Operations {
    static final Duration CHECK_PERIOD = Duration.ofSeconds(1);
    private static final Duration POLL_WATCH_PERIOD = Duration.ofSeconds(30);

    private final Clock clock;
    private final Supervisor supervisor = new Supervisor();
    private final Transports transports;
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final Readiness readiness = new Readiness(Readiness.DEFAULT_STALL_AFTER, CHECK_PERIOD);
    private HealthMonitor monitor;
    private PollScheduler scheduler;
    private java.util.function.Supplier<Map<String, String>> roles = Map::of;
    private WebServer web;
    private volatile boolean stopping;

    Operations(Clock clock) {
        this.clock = clock;
        this.transports = new Transports(clock);
    }

    Supervisor supervisor() {
        return supervisor;
    }

    Transports transports() {
        return transports;
    }

    PrometheusMetrics metrics() {
        return metrics;
    }

    /**
     * Runs the first health check now, then the checks, retention and the poll watchdog under the supervisor.
     */
    void watch(Database db, OutboxStore outbox, FeedStore feeds, Duration retention, PollScheduler scheduler) {
        this.scheduler = scheduler;
        monitor = new HealthMonitor(db::checkWritable, outbox, feeds, clock, CHECK_PERIOD);
        monitor.checkNow();
        supervisor.supervise("health-checks", false, monitor);
        supervisor.supervise("retention", false, new Retention(new JdbcHistoryStore(db), retention, clock));
        supervisor.supervise("poll-watch", false, scheduler.watchdog(POLL_WATCH_PERIOD));
        metrics.watchOutbox(this::outboxCounts);
    }

    private Map<String, Integer> outboxCounts() {
        Map<String, Integer> out = new HashMap<>();
        monitor.latest().map(HealthSample::alerts).orElse(Map.of())
                .forEach((status, n) -> out.put(status.name().toLowerCase(Locale.ROOT), n));
        return out;
    }

    /** The leader roles (delivery, Telegram updates) and whether this node leads each, for readiness. */
    void roles(java.util.function.Supplier<Map<String, String>> roles) {
        this.roles = roles;
    }

    /**
     * {@code /health/ready}: the last check, the loops and the transports, the scheduler's state and the leader
     * roles this node holds or stands by for.
     */
    HealthPage ready() {
        Optional<HealthSample> sample = monitor == null ? Optional.empty() : monitor.latest();
        HealthReport report = stopping
                ? new HealthReport(HealthReport.Level.DOWN, List.of("stopping"), sample)
                : readiness.assess(sample, supervisor.states(), transports.states(), clock.instant());
        String polls = scheduler == null ? "not started" : scheduler.state();
        if (report.ready() && !polls.equals("running")) {
            List<String> reasons = new java.util.ArrayList<>(report.reasons());
            reasons.add(0, "scheduler " + polls);
            report = new HealthReport(HealthReport.Level.DOWN, reasons, sample);
        }
        return new HealthPage(report, supervisor.states(), transports.states(), polls, roles.get());
    }

    /** {@code /health/live}: up while the process serves and is not stopping. */
    HealthPage live() {
        HealthReport report = stopping ? new HealthReport(HealthReport.Level.DOWN, List.of("stopping"),
                Optional.empty()) : new HealthReport(HealthReport.Level.OK, List.of(), Optional.empty());
        return new HealthPage(report, supervisor.states(), List.of(), "", Map.of());
    }

    /** Starts the HTTP server when {@code HERALD_HTTP_PORT} is set. */
    Optional<Integer> serve(Settings settings, Routes routes) {
        if (settings.httpPort().isEmpty()) {
            return Optional.empty();
        }
        web = WebServer.start(settings.httpAddress(), settings.httpPort().getAsInt(), routes, HttpLimits.DEFAULT,
                metrics::httpRequest);
        return Optional.of(web.port());
    }

    /** Readiness turns to "down: stopping" and the HTTP server stops. */
    void stopServing() {
        stopping = true;
        if (web != null) {
            web.close();
        }
    }
}
