package io.herald.metrics.micrometer;

import io.herald.metrics.HeraldMetrics;
import io.herald.model.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@link HeraldMetrics} on Micrometer's Prometheus registry, with the JVM's own meters; {@link #scrape()} is the
 * Prometheus text {@code /metrics} serves. Histograms use a few fixed buckets (seconds) sized for what they measure.
 */
public final class PrometheusMetrics implements HeraldMetrics, AutoCloseable {
    private static final Duration[] POLL_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    private static final Duration[] DELAY_BUCKETS = seconds(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600);
    private static final Duration[] HTTP_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3);
    private static final List<String> STATUSES = List.of("pending", "sent", "failed");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PrometheusMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Everything measured so far, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The Prometheus text format's content type. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /**
     * Binds a JDBC connection pool's meters (HikariCP: connections active, idle, pending, timeouts), when the
     * database has one; Hikari takes the registry as a plain object.
     */
    public void bindPool(Object hikariDataSource) {
        if (hikariDataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
            pool.setMetricRegistry(registry);
        }
    }

    @Override
    public void polled(PollOutcome outcome, Duration took, int newItems, int matches) {
        String tag = outcome.name().toLowerCase(Locale.ROOT);
        Counter.builder("herald.polls").description("Polls of feeds, by outcome").tag("outcome", tag)
                .register(registry).increment();
        Timer.builder("herald.poll.duration").description("How long one poll of one feed took")
                .tag("outcome", tag).serviceLevelObjectives(POLL_BUCKETS).register(registry).record(took);
        Counter.builder("herald.items.new").description("Items not seen before").register(registry)
                .increment(newItems);
        Counter.builder("herald.matches").description("Alerts queued: items matching a destination's subscriptions")
                .register(registry).increment(matches);
    }

    @Override
    public void alertSent(Platform platform, Duration fetchToSend) {
        alerts(platform, "sent");
        Timer.builder("herald.alert.delay").description("From the poll that queued an alert to its send")
                .tag("platform", platform.key()).serviceLevelObjectives(DELAY_BUCKETS).register(registry)
                .record(fetchToSend);
    }

    @Override
    public void alertRetried(Platform platform) {
        alerts(platform, "retried");
    }

    @Override
    public void alertFailed(Platform platform) {
        alerts(platform, "failed");
    }

    @Override
    public void rateLimited(Platform platform) {
        Counter.builder("herald.rate.limited").description("429 answers from a chat platform")
                .tag("platform", platform.key()).register(registry).increment();
    }

    private void alerts(Platform platform, String status) {
        Counter.builder("herald.alerts").description("Alert sends by outcome and platform")
                .tag("platform", platform.key()).tag("status", status).register(registry).increment();
    }

    @Override
    public void httpRequest(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests").description("HTTP requests answered")
                .tag("method", method.length() <= 7 ? method : "other").tag("uri", route)
                .tag("status", Integer.toString(status)).serviceLevelObjectives(HTTP_BUCKETS).register(registry)
                .record(took);
    }

    @Override
    public void watchIndexSize(IntSupplier subscriptions) {
        Gauge.builder("herald.index.subscriptions", subscriptions::getAsInt)
                .description("Subscriptions in the matching index").register(registry);
    }

    @Override
    public void watchOutbox(Supplier<Map<String, Integer>> byStatus) {
        for (String status : STATUSES) {
            Gauge.builder("herald.outbox.alerts", () -> byStatus.get().getOrDefault(status, 0))
                    .description("Outbox rows by status (as of the last health check)").tag("status", status)
                    .register(registry);
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos((long) (values[i] * 1e9));
        }
        return out;
    }
}
