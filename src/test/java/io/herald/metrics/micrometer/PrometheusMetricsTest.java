package io.herald.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.herald.metrics.HeraldMetrics.PollOutcome;
import io.herald.model.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Herald measures comes out of /metrics under Prometheus names, next to the JVM's and the pool's. */
class PrometheusMetricsTest {
    @TempDir
    Path dir;

    @Test
    void heraldsOwnMetersAppearWithTheirLabelsAndBuckets() {
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            metrics.polled(PollOutcome.OK, Duration.ofMillis(300), 4, 6);
            metrics.polled(PollOutcome.FAILED, Duration.ofSeconds(3), 0, 0);
            metrics.polled(PollOutcome.NOT_MODIFIED, Duration.ofMillis(40), 0, 0);
            metrics.alertSent(Platform.TELEGRAM, Duration.ofSeconds(2));
            metrics.alertSent(Platform.SLACK, Duration.ofSeconds(40));
            metrics.alertRetried(Platform.TELEGRAM);
            metrics.alertFailed(Platform.SLACK);
            metrics.rateLimited(Platform.TELEGRAM);
            metrics.httpRequest("GET", "/health", 200, Duration.ofMillis(2));
            metrics.watchIndexSize(() -> 1234);
            metrics.watchOutbox(() -> Map.of("pending", 7, "failed", 1));

            String text = metrics.scrape();

            assertThat(text).contains("herald_polls_total{outcome=\"ok\"} 1.0")
                    .contains("herald_polls_total{outcome=\"failed\"} 1.0")
                    .contains("herald_polls_total{outcome=\"not_modified\"} 1.0")
                    .contains("herald_poll_duration_seconds_bucket{outcome=\"ok\",le=\"0.5\"} 1")
                    .contains("herald_items_new_total 4.0")
                    .contains("herald_matches_total 6.0")
                    .contains("herald_alerts_total{platform=\"telegram\",status=\"sent\"} 1.0")
                    .contains("herald_alerts_total{platform=\"telegram\",status=\"retried\"} 1.0")
                    .contains("herald_alerts_total{platform=\"slack\",status=\"failed\"} 1.0")
                    .contains("herald_rate_limited_total{platform=\"telegram\"} 1.0")
                    .contains("herald_alert_delay_seconds_bucket{platform=\"slack\",le=\"60.0\"} 1")
                    .contains("herald_alert_delay_seconds_bucket{platform=\"slack\",le=\"30.0\"} 0")
                    .contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/health\"} 1")
                    .contains("herald_index_subscriptions 1234.0")
                    .contains("herald_outbox_alerts{status=\"pending\"} 7.0")
                    .contains("herald_outbox_alerts{status=\"sent\"} 0.0")
                    .contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads")
                    .contains("process_uptime_seconds");
        }
    }

    @Test
    void aHikariPoolIsBoundWhenTheDatabaseHasOne() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("pool.db"));
        config.setPoolName("herald-db");
        config.setMaximumPoolSize(2);
        try (PrometheusMetrics metrics = new PrometheusMetrics(); HikariDataSource pool = new HikariDataSource(config)) {
            metrics.bindPool(pool);
            try (Connection c = pool.getConnection()) {
                assertThat(metrics.scrape()).contains("hikaricp_connections_active{pool=\"herald-db\"} 1.0");
            }
            assertThat(metrics.scrape()).contains("hikaricp_connections_max{pool=\"herald-db\"} 2.0");
        }
    }
}
