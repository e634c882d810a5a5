package io.herald.chat.telegram;

import io.herald.chat.CommandHandler;
import io.herald.chat.IncomingMessage;
import io.herald.deliver.SendFailure;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Destination;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Answers one Telegram update: converts a text message (or an inline button press) into an {@link IncomingMessage},
 * asks the {@link CommandHandler} and sends the answer back as plain text.
 */
final class TelegramUpdateHandler {

    static final String SORRY = "Sorry, something went wrong. Please try again later.";
    static final String TEXT_ONLY = "I only understand text commands. Send /help to see what I can do.";

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);
    private static final Duration MAX_REPLY_WAIT = Duration.ofSeconds(10);

    private final TelegramClient client;
    private final TelegramSender sender;
    private final CommandHandler handler;
    private final Optional<String> botUsername;

    TelegramUpdateHandler(TelegramClient client, CommandHandler handler, Optional<String> botUsername) {
        this.client = client;
        this.sender = new TelegramSender(client);
        this.handler = handler;
        this.botUsername = botUsername.map(name -> name.toLowerCase(Locale.ROOT));
    }

    /** The chat an update belongs to, for ordering; empty for updates the bot ignores. */
    static Optional<Long> chatOf(Update update) {
        if (update.hasMessage()) {
            return Optional.ofNullable(update.getMessage().getChatId());
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return Optional.ofNullable(update.getCallbackQuery().getMessage().getChatId());
        }
        return Optional.empty();
    }

    void handle(Update update) {
        if (update.hasMessage()) {
            onMessage(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            onButton(update.getCallbackQuery());
        }
    }

    private void onMessage(Message message) {
        long chatId = message.getChatId();
        if (!message.hasText()) {
            if (message.isUserMessage()) {
                reply(chatId, TEXT_ONLY);
            }
            return;
        }
        String userId = message.getFrom() == null ? "" : String.valueOf(message.getFrom().getId());
        addressedToUs(message.getText()).ifPresent(text -> answer(chatId, userId, text));
    }

    private void onButton(CallbackQuery query) {
        try {
            client.execute(new AnswerCallbackQuery(query.getId()));
        } catch (TelegramApiException e) {
            log.warn("telegram: cannot answer button press {}: {}", query.getId(), e.getMessage());
        }
        if (query.getMessage() == null || query.getData() == null || query.getData().isBlank()) {
            return;
        }
        String userId = query.getFrom() == null ? "" : String.valueOf(query.getFrom().getId());
        answer(query.getMessage().getChatId(), userId, query.getData());
    }

    /**
     * The text with a {@code /command@thisbot} suffix removed; empty when the command names another bot
     * ({@code /help@otherbot} in a group).
     */
    Optional<String> addressedToUs(String text) {
        if (!text.startsWith("/")) {
            return Optional.of(text);
        }
        int end = text.indexOf(' ');
        String command = end < 0 ? text : text.substring(0, end);
        int at = command.indexOf('@');
        if (at < 0) {
            return Optional.of(text);
        }
        String target = command.substring(at + 1).toLowerCase(Locale.ROOT);
        if (botUsername.isPresent() && !botUsername.get().equals(target)) {
            return Optional.empty();
        }
        return Optional.of(command.substring(0, at) + (end < 0 ? "" : text.substring(end)));
    }

    private void answer(long chatId, String userId, String text) {
        String answer;
        try {
            answer = handler.handle(new IncomingMessage(Destination.telegram(chatId), userId, text));
        } catch (RuntimeException e) {
            log.warn("telegram: command handler failed for chat {}", chatId, e);
            answer = SORRY;
        }
        if (answer != null && !answer.isBlank()) {
            reply(chatId, answer);
        }
    }

    private void reply(long chatId, String text) {
        try {
            sender.sendText(chatId, text);
        } catch (SendFailure failure) {
            Optional<Duration> wait = failure.retryAfter().filter(d -> d.compareTo(MAX_REPLY_WAIT) <= 0);
            if (wait.isEmpty()) {
                log.warn("{}", failure.getMessage());
                return;
            }
            retryOnce(chatId, text, wait.get());
        }
    }

    private void retryOnce(long chatId, String text, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            sender.sendText(chatId, text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SendFailure again) {
            log.warn("{} (after waiting {} s)", again.getMessage(), wait.toSeconds());
        }
    }
}
