package io.herald.deliver.telegram;

import io.herald.deliver.SendFailure;
import java.time.Duration;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Maps the library's exceptions to {@link SendFailure}: 429 waits {@code retry_after}; 403 (blocked, kicked, user
 * deactivated) means the chat is gone; 400 with {@code migrate_to_chat_id} means the group moved; 400 "can't parse
 * entities" is bad markup; other 400s are permanent; anything else (5xx, no JSON, network) is transient.
 */
public final class TelegramFailures {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private TelegramFailures() {
    }

    /**
     * @param what e.g. {@code "cannot send alert 42 to chat -100123"}
     */
    public static SendFailure map(String what, TelegramApiException exception) {
        if (isValidation(exception)) {
            return SendFailure.permanent(message(what, "refused before sending: " + describe(exception)), exception);
        }
        Optional<TelegramApiRequestException> request = requestException(exception);
        if (request.isEmpty()) {
            return SendFailure.transientFailure(message(what, describe(exception)), exception);
        }
        TelegramApiRequestException e = request.get();
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = Optional.ofNullable(e.getApiResponse()).filter(s -> !s.isBlank())
                .orElseGet(() -> describe(e));
        ResponseParameters parameters = e.getParameters();
        if (code == 429) {
            Duration wait = Optional.ofNullable(parameters).map(ResponseParameters::getRetryAfter)
                    .filter(seconds -> seconds > 0).map(Duration::ofSeconds).orElse(DEFAULT_RETRY_AFTER);
            return SendFailure.rateLimited(message(what, description), wait);
        }
        Long migratedTo = parameters == null ? null : parameters.getMigrateToChatId();
        if (migratedTo != null && migratedTo != 0) {
            return SendFailure.chatMigrated(message(what, description + " (the group is now supergroup "
                    + migratedTo + ")"), Long.toString(migratedTo), e);
        }
        if (code == 403 || code == 400 && isTopicGone(description)) {
            return SendFailure.recipientGone(message(what, description), e);
        }
        if (code == 400 && description.toLowerCase(java.util.Locale.ROOT).contains("can't parse entities")) {
            return SendFailure.badMarkup(message(what, description), e);
        }
        if (code == 400) {
            return SendFailure.permanent(message(what, description), e);
        }
        return SendFailure.transientFailure(message(what, code == 0 ? describe(e) : code + " " + description), e);
    }

    /** A forum topic that was deleted ("message thread not found") or closed ("TOPIC_CLOSED"). */
    private static boolean isTopicGone(String description) {
        String lower = description.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("message thread not found") || lower.contains("topic_closed")
                || lower.contains("topic_deleted");
    }

    /** The request failure the library wrapped, if this is one (the library nests it under its own exception). */
    private static Optional<TelegramApiRequestException> requestException(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TelegramApiRequestException request && request.getErrorCode() != null
                    && request.getErrorCode() != 0) {
                return Optional.of(request);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isValidation(Throwable exception) {
        for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TelegramApiValidationException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == exception ? text : exception.getMessage() + " (" + text + ")";
    }

    private static String message(String what, String detail) {
        return "telegram: " + what + ": " + detail;
    }
}
