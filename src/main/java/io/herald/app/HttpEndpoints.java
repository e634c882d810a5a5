package io.herald.app;

import io.herald.chat.slack.SlackCommandEndpoint;
import io.herald.chat.slack.SlackInteractionEndpoint;
import io.herald.chat.telegram.TelegramWebhook;
import io.herald.http.HttpReply;
import io.herald.http.Route;
import io.herald.http.Routes;
import io.herald.metrics.micrometer.PrometheusMetrics;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The paths on {@code HERALD_HTTP_PORT}: {@code GET /health/live}, {@code GET /health/ready} (and {@code /health},
 * the same as ready), {@code GET /metrics} (Prometheus text; behind {@code HERALD_METRICS_TOKEN} when set) and, when
 * {@code SLACK_SIGNING_SECRET} is set, {@code POST /slack/commands} and {@code POST /slack/interactions}; in Telegram's
 * webhook mode ({@code HERALD_TELEGRAM_WEBHOOK_URL}), {@code POST /telegram/webhook}.
 */
final class HttpEndpoints {
    private HttpEndpoints() {
    }

    /** What the endpoints answer from. */
    record Sources(Supplier<HealthPage> ready, Supplier<HealthPage> live, PrometheusMetrics metrics,
                   Optional<String> metricsToken, Optional<SlackCommandEndpoint> slackCommands,
                   Optional<SlackInteractionEndpoint> slackButtons, Optional<TelegramWebhook> telegramWebhook) {
    }

    static Routes routes(Sources s) {
        Route ready = call -> s.ready().get().reply();
        Route metrics = call -> HttpReply.text(200, PrometheusMetrics.contentType(), s.metrics().scrape());
        return new Routes()
                .get("/health", ready)
                .get("/health/ready", ready)
                .get("/health/live", call -> s.live().get().reply())
                .get("/metrics", s.metricsToken().map(metrics::withBearerToken).orElse(metrics))
                .post("/slack/commands", slack(s.slackCommands().map(e -> e::handle)))
                .post("/slack/interactions", slack(s.slackButtons().map(e -> e::handle)))
                .post(TelegramWebhook.PATH, telegram(s.telegramWebhook()));
    }

    /** Telegram's webhook: 404 unless webhook mode is on; the receiver checks the secret header. */
    private static Route telegram(Optional<TelegramWebhook> webhook) {
        return call -> {
            if (webhook.isEmpty()) {
                return HttpReply.error(404, "Telegram webhook mode is off (set HERALD_TELEGRAM_WEBHOOK_URL)");
            }
            TelegramWebhook.Answer answer = webhook.get().handle(call.header(TelegramWebhook.SECRET_HEADER),
                    call.body());
            return answer.status() == 200 ? HttpReply.json(200, "{\"ok\":true}")
                    : HttpReply.error(answer.status(), answer.message());
        };
    }

    /** A signed Slack request handler. */
    @FunctionalInterface
    interface SlackHandler {
        SlackCommandEndpoint.Response handle(String timestamp, String signature, byte[] body);
    }

    private static Route slack(Optional<SlackHandler> handler) {
        return call -> {
            if (handler.isEmpty()) {
                return HttpReply.error(404, "set SLACK_SIGNING_SECRET to accept Slack requests");
            }
            SlackCommandEndpoint.Response r = handler.get().handle(call.header("X-Slack-Request-Timestamp")
                    .orElse(null), call.header("X-Slack-Signature").orElse(null), call.body());
            return HttpReply.json(r.status(), r.json());
        };
    }
}
