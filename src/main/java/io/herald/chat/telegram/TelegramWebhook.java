package io.herald.chat.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.health.TransportStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram's webhook mode, the receiving end: Telegram POSTs each update to {@code HERALD_TELEGRAM_WEBHOOK_URL},
 * which reaches Herald's HTTP server at {@code POST /telegram/webhook}. A request is accepted only with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header equal (compared in constant time) to the random secret this
 * process gave {@code setWebhook}; anything else is 401. Bodies above {@link #MAX_BODY_BYTES} are 413. An update
 * whose {@code update_id} was already taken (Telegram sends an update again when an answer came late) is answered
 * 200 and not handled twice. Until the bot has registered the webhook and attached its workers the answer is 503,
 * so Telegram keeps the update and tries again.
 */
public final class TelegramWebhook {
    /** The path on {@code HERALD_HTTP_PORT} Telegram's requests must reach. */
    public static final String PATH = "/telegram/webhook";
    /** The header Telegram sends the secret in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Updates are a few KiB; anything larger is not an update. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How many recent update ids are remembered to refuse a second delivery. */
    static final int REMEMBERED_IDS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What the HTTP endpoint answers. */
    public record Answer(int status, String message) {
    }

    private final URI url;
    private final String secret;
    private final byte[] secretBytes;
    private final LinkedHashSet<Integer> seen = new LinkedHashSet<>();
    private volatile Consumer<List<Update>> consumer;
    private volatile TransportStatus status = TransportStatus.NONE;

    /** A receiver for {@code url} with a fresh random secret. */
    public TelegramWebhook(URI url) {
        this(url, newSecret());
    }

    TelegramWebhook(URI url, String secret) {
        this.url = Objects.requireNonNull(url, "url");
        if (!secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("a webhook secret is 1-256 of A-Z a-z 0-9 _ -");
        }
        this.secret = secret;
        this.secretBytes = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** 32 random bytes, base64url without padding: 43 characters from Telegram's allowed set. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The public URL given to {@code setWebhook}. */
    public URI url() {
        return url;
    }

    /** The secret given to {@code setWebhook} (never logged). */
    String secret() {
        return secret;
    }

    /** Updates from now on go to {@code consumer}; arrivals are reported to {@code status}. */
    void attach(Consumer<List<Update>> consumer, TransportStatus status) {
        this.status = status;
        this.consumer = consumer;
    }

    /** Updates from now on get 503 (Telegram keeps them and tries again). */
    void detach() {
        this.consumer = null;
    }

    /**
     * Handles one POST.
     *
     * @param secretHeader the {@code X-Telegram-Bot-Api-Secret-Token} header, if any
     */
    public Answer handle(Optional<String> secretHeader, byte[] body) {
        byte[] given = secretHeader.orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(secretBytes, given)) {
            log.warn("telegram: webhook request refused: {} secret token", secretHeader.isEmpty() ? "no" : "a wrong");
            return new Answer(401, "wrong or missing " + SECRET_HEADER);
        }
        if (body.length > MAX_BODY_BYTES) {
            return new Answer(413, "an update is at most " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        Update update;
        try {
            update = JSON.readValue(body, Update.class);
        } catch (IOException e) {
            return new Answer(400, "the body is not a Telegram update");
        }
        if (update == null || update.getUpdateId() == null) {
            return new Answer(400, "the body is not a Telegram update (no update_id)");
        }
        Consumer<List<Update>> target = consumer;
        if (target == null) {
            return new Answer(503, "not ready for updates yet");
        }
        status.connected(TelegramBot.TRANSPORT);
        if (!firstTime(update.getUpdateId())) {
            log.debug("telegram: update {} arrived again; already handled", update.getUpdateId());
            return new Answer(200, "already handled");
        }
        target.accept(List.of(update));
        return new Answer(200, "ok");
    }

    private synchronized boolean firstTime(int updateId) {
        if (!seen.add(updateId)) {
            return false;
        }
        if (seen.size() > REMEMBERED_IDS) {
            var oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
