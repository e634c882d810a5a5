package io.herald.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fake's webhook mode, as the Bot API describes it: {@code setWebhook} (an HTTPS URL; the fake also takes
 * {@code http://} to a loopback address, since tests have no certificate, and says so), {@code secret_token}
 * (1-256 of {@code A-Z a-z 0-9 _ -}) sent as {@code X-Telegram-Bot-Api-Secret-Token} on every request,
 * {@code allowed_updates}, {@code deleteWebhook} ({@code drop_pending_updates}), {@code getWebhookInfo} (with the
 * last delivery error), and {@code getUpdates} answered 409 while a webhook is set. Queued updates are POSTed to the
 * URL one at a time, in order; an answer other than 2xx keeps the update queued and it is sent again shortly after
 * (Telegram retries too). Thread-safe.
 */
final class FakeTelegramWebhook implements AutoCloseable {

    /** One POST the fake made to the webhook: the update id and the HTTP status it got (0 when unreachable). */
    record Delivery(long updateId, int status) {
    }

    private static final Duration RETRY = Duration.ofMillis(200);

    private final FakeTelegramUpdates updates;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final java.util.Map<Long, ObjectNode> posted = new java.util.HashMap<>();
    private final Thread thread;
    private Optional<String> url = Optional.empty();
    private Optional<String> secret = Optional.empty();
    private Optional<ArrayNode> allowedUpdates = Optional.empty();
    private long lastErrorDate;
    private String lastErrorMessage;
    private int sets;
    private int deletes;
    private volatile boolean closed;

    FakeTelegramWebhook(FakeTelegramUpdates updates) {
        this.updates = updates;
        this.thread = new Thread(this::deliverLoop, "fake-telegram-webhook");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** {@code setWebhook}; the params were checked against the spec already. */
    FakeTelegramReply set(ObjectNode params) {
        String target = params.get("url").asText();
        if (target.isEmpty()) {
            return delete(false);
        }
        Optional<String> refused = refusal(target);
        if (refused.isPresent()) {
            return FakeTelegramReply.badRequest("Bad Request: bad webhook: " + refused.get());
        }
        Optional<String> token = Optional.ofNullable(params.get("secret_token")).map(n -> n.asText());
        if (token.isPresent() && !token.get().matches("[A-Za-z0-9_-]{1,256}")) {
            return FakeTelegramReply.badRequest("Bad Request: secret token contains unallowed characters");
        }
        if (params.has("drop_pending_updates") && params.get("drop_pending_updates").asBoolean()) {
            updates.dropAll();
        }
        synchronized (this) {
            url = Optional.of(target);
            secret = token;
            allowedUpdates = Optional.ofNullable(params.get("allowed_updates")).map(n -> (ArrayNode) n);
            lastErrorDate = 0;
            lastErrorMessage = null;
            sets++;
        }
        updates.poke();
        return FakeTelegramReply.okTrue();
    }

    /** {@code deleteWebhook}. */
    FakeTelegramReply delete(boolean dropPending) {
        if (dropPending) {
            updates.dropAll();
        }
        synchronized (this) {
            url = Optional.empty();
            secret = Optional.empty();
            allowedUpdates = Optional.empty();
            deletes++;
        }
        return FakeTelegramReply.okTrue();
    }

    /** {@code getWebhookInfo}. */
    synchronized ObjectNode info() {
        ObjectNode info = FakeTelegramBotApi.JSON.createObjectNode().put("url", url.orElse(""))
                .put("has_custom_certificate", false).put("pending_update_count", updates.pending());
        if (url.isPresent()) {
            info.put("max_connections", 40);
            allowedUpdates.ifPresent(a -> info.set("allowed_updates", a.deepCopy()));
        }
        if (lastErrorMessage != null) {
            info.put("last_error_date", lastErrorDate).put("last_error_message", lastErrorMessage);
        }
        return info;
    }

    synchronized boolean active() {
        return url.isPresent();
    }

    synchronized Optional<String> url() {
        return url;
    }

    synchronized Optional<String> secret() {
        return secret;
    }

    synchronized int sets() {
        return sets;
    }

    synchronized int deletes() {
        return deletes;
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /**
     * POSTs an update that was delivered before once more (as Telegram does when an answer came too late); returns
     * the status it got.
     */
    int deliverAgain(long updateId) {
        Optional<String> target;
        Optional<String> token;
        ObjectNode update;
        synchronized (this) {
            target = url;
            token = secret;
            update = posted.get(updateId);
        }
        if (update == null) {
            throw new IllegalStateException("fake telegram: update " + updateId + " was never delivered");
        }
        if (target.isEmpty()) {
            throw new IllegalStateException("fake telegram: no webhook is set");
        }
        return post(target.get(), token, update);
    }

    private static Optional<String> refusal(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.of("invalid URL");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null) {
            return Optional.of("invalid URL host");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && loopback(uri.getHost())) {
            return Optional.empty(); // the fake's one allowance: tests have no certificate
        }
        return Optional.of("An HTTPS URL must be provided for webhook");
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void deliverLoop() {
        while (!closed) {
            try {
                if (!active()) {
                    Thread.sleep(20);
                    continue;
                }
                Optional<ObjectNode> next = updates.oldest(100);
                if (next.isEmpty()) {
                    continue;
                }
                Optional<String> target;
                Optional<String> token;
                synchronized (this) {
                    target = url;
                    token = secret;
                }
                if (target.isEmpty()) {
                    continue;
                }
                ObjectNode update = next.get();
                int status = post(target.get(), token, update);
                if (status >= 200 && status < 300) {
                    updates.confirmThrough(update.get("update_id").asLong());
                } else {
                    synchronized (this) {
                        lastErrorDate = System.currentTimeMillis() / 1000;
                        lastErrorMessage = status == 0 ? "Connection refused" : "Wrong response from the webhook: "
                                + status;
                    }
                    Thread.sleep(RETRY.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int post(String target, Optional<String> token, ObjectNode update) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update.toString(), StandardCharsets.UTF_8));
        token.ifPresent(t -> request.header("X-Telegram-Bot-Api-Secret-Token", t));
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        synchronized (this) {
            deliveries.add(new Delivery(update.get("update_id").asLong(), status));
            posted.put(update.get("update_id").asLong(), update.deepCopy());
            notifyAll();
        }
        return status;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
