package io.herald.chat.telegram;

import io.herald.chat.AlertPresses;
import io.herald.chat.ButtonAnswer;
import io.herald.chat.ButtonPress;
import io.herald.chat.CommandHandler;
import io.herald.chat.ChatRole;
import io.herald.chat.DocumentHandler;
import io.herald.chat.CommandThrottle;
import io.herald.chat.IncomingMessage;
import io.herald.chat.Replies;
import io.herald.chat.Reply;
import io.herald.chat.ReplyFormat;
import io.herald.deliver.ReplyQueue;
import io.herald.deliver.ReplyText;
import io.herald.deliver.telegram.TelegramFormatter;
import io.herald.deliver.SendFailure;
import io.herald.deliver.telegram.TelegramAddress;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Destination;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Answers one Telegram update: converts a text message into an {@link IncomingMessage}, asks the
 * {@link CommandHandler} and sends the answer back in Telegram's HTML, into the forum topic it was written in. A press
 * on an alert's button goes to {@link AlertPresses}: its answer is the callback's text and the alert's buttons change
 * in place; other button data is handled like a typed command. In groups, whether the sender may change the group's
 * subscriptions is asked of Telegram ({@code getChatMember}, remembered briefly) when a command needs it.
 */
final class TelegramUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);
    private static final Duration MAX_REPLY_WAIT = Duration.ofSeconds(10);

    private final TelegramClients clients;
    private final TelegramClient client;
    private final TelegramSender sender;
    private final CommandHandler handler;
    private final Optional<AlertPresses> presses;
    private final Optional<String> botUsername;
    private final Optional<ReplyQueue> replies;
    private final CommandThrottle throttle;
    private final TelegramChatAdmins chatAdmins;

    TelegramUpdateHandler(TelegramClients clients, CommandHandler handler, Optional<AlertPresses> presses,
                          Optional<String> botUsername) {
        this(clients, handler, presses, botUsername, Optional.empty(), CommandThrottle.standard(Clock.systemUTC()));
    }

    /**
     * @param replies  where answers go to be sent paced with the alerts; empty: sent here, at once
     * @param throttle commands per user
     */
    TelegramUpdateHandler(TelegramClients clients, CommandHandler handler, Optional<AlertPresses> presses,
                          Optional<String> botUsername, Optional<ReplyQueue> replies, CommandThrottle throttle) {
        this.clients = clients;
        this.client = clients.client();
        this.sender = new TelegramSender(client);
        this.handler = handler;
        this.presses = presses;
        this.botUsername = botUsername.map(name -> name.toLowerCase(Locale.ROOT));
        this.replies = replies;
        this.throttle = throttle;
        this.chatAdmins = new TelegramChatAdmins(client, Clock.systemUTC());
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
        Destination chat = where(message);
        if (message.hasDocument() && handler instanceof DocumentHandler documents) {
            String userId = message.getFrom() == null ? "" : String.valueOf(message.getFrom().getId());
            new TelegramDocuments(clients, documents).received(chat, userId, message.getDocument())
                    .ifPresent(answer -> reply(chat, Reply.text(answer)));
            return;
        }
        if (!message.hasText()) {
            if (message.isUserMessage()) {
                reply(chat, Replies.textOnly());
            }
            return;
        }
        String userId = message.getFrom() == null ? "" : String.valueOf(message.getFrom().getId());
        ChatRole role = chatAdmins.role(message.getChatId(), isGroup(message), userId);
        Optional<String> text = message.isUserMessage() ? addressedToUs(message.getText())
                : commandInGroup(message.getText());
        if (text.isEmpty()) {
            return;
        }
        switch (throttle.check(userId.isEmpty() ? "chat " + chat : userId)) {
            case ANSWER -> answer(chat, userId, text.get(), role);
            case SLOW_DOWN -> reply(chat, Reply.text(CommandThrottle.SLOW_DOWN));
            case IGNORE -> log.debug("telegram: user {} sends commands too fast; one ignored", userId);
        }
    }

    /**
     * In a group, only what is addressed to Herald: a command (not one for another bot) or a message starting with
     * {@code @herald_bot} (the rest read as a command). Plain chatter gets no answer.
     */
    Optional<String> commandInGroup(String text) {
        String t = text.strip();
        if (t.startsWith("/")) {
            return addressedToUs(t);
        }
        String mention = botUsername.map(name -> "@" + name).orElse(null);
        if (mention != null && t.regionMatches(true, 0, mention, 0, mention.length())
                && (t.length() == mention.length() || Character.isWhitespace(t.charAt(mention.length())))) {
            String rest = t.substring(mention.length()).strip();
            return Optional.of(rest.isEmpty() ? "/help" : rest.startsWith("/") ? rest : "/" + rest);
        }
        return Optional.empty();
    }

    /** The chat of a message, with its forum topic when it was written in one. */
    private static Destination where(MaybeInaccessibleMessage message) {
        Optional<Integer> topic = message instanceof Message m && m.isTopicMessage()
                ? Optional.ofNullable(m.getMessageThreadId()) : Optional.empty();
        return new TelegramAddress(message.getChatId(), topic).destination();
    }

    private void onButton(CallbackQuery query) {
        String data = query.getData() == null ? "" : query.getData();
        if (query.getMessage() == null || data.isBlank()) {
            answerPress(query, "");
            return;
        }
        String userId = query.getFrom() == null ? "" : String.valueOf(query.getFrom().getId());
        Destination chat = where(query.getMessage());
        ChatRole role = chatAdmins.role(query.getMessage().getChatId(), isGroup(query.getMessage()), userId);
        if (presses.isEmpty() || !AlertPresses.isAlertButton(data)) {
            answerPress(query, "");
            answer(chat, userId, data, role);
            return;
        }
        String messageId = String.valueOf(query.getMessage().getMessageId());
        ButtonAnswer answer;
        try {
            answer = presses.get().press(new ButtonPress(chat, userId, data, messageId, role));
        } catch (RuntimeException e) {
            log.warn("telegram: button press {} in {} failed", data, chat, e);
            answerPress(query, ReplyFormat.PLAIN.render(Replies.sorry()));
            return;
        }
        answerPress(query, ReplyFormat.PLAIN.render(answer.text()));
        answer.alert().ifPresent(alert -> redraw(alert, messageId, answer));
    }

    private void redraw(io.herald.model.Alert alert, String messageId, ButtonAnswer answer) {
        try {
            sender.editButtons(alert, messageId, answer.state());
        } catch (SendFailure e) {
            log.warn("{}", e.getMessage());
        }
    }

    /** Ends the button's loading state; a non-blank text is shown to the presser (Telegram allows 200 characters). */
    private void answerPress(CallbackQuery query, String text) {
        AnswerCallbackQuery answer = text.isBlank() ? new AnswerCallbackQuery(query.getId())
                : AnswerCallbackQuery.builder().callbackQueryId(query.getId())
                .text(text.length() > 200 ? text.substring(0, 199) + "…" : text).build();
        try {
            client.execute(answer);
        } catch (TelegramApiException e) {
            log.warn("telegram: cannot answer button press {}: {}", query.getId(), e.getMessage());
        }
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

    /** Whether the message is in a group or supergroup, where only its admins change its subscriptions. */
    private static boolean isGroup(MaybeInaccessibleMessage message) {
        return message.getChat() != null && (message.getChat().isGroupChat() || message.getChat().isSuperGroupChat());
    }

    private void answer(Destination chat, String userId, String text, ChatRole role) {
        if (handler instanceof DocumentHandler documents) {
            try {
                Optional<DocumentHandler.OutgoingFile> file = documents.fileFor(new IncomingMessage(chat, userId, text,
                        role));
                if (file.isPresent()) {
                    new TelegramDocuments(clients, documents).send(chat, file.get())
                            .ifPresent(f -> reply(chat, Reply.text(f)));
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("telegram: file command failed for chat {}", chat, e);
                reply(chat, Replies.sorry());
                return;
            }
        }
        Reply answer;
        try {
            answer = handler.handle(new IncomingMessage(chat, userId, text, role));
        } catch (RuntimeException e) {
            log.warn("telegram: command handler failed for chat {}", chat, e);
            answer = Replies.sorry();
        }
        if (answer != null && !answer.isEmpty()) {
            reply(chat, answer);
        }
    }

    private void reply(Destination chat, Reply reply) {
        if (replies.isPresent() && replies.get().accepting()) {
            String plain = ReplyFormat.PLAIN.render(reply);
            replies.get().reply(chat, new ReplyText(plain, plain.length() > TelegramFormatter.MAX_TEXT
                    ? Optional.empty() : Optional.of(ReplyFormat.TELEGRAM_HTML.render(reply))));
            return;
        }
        try {
            send(chat, reply);
        } catch (SendFailure failure) {
            Optional<Duration> wait = failure.retryAfter().filter(d -> d.compareTo(MAX_REPLY_WAIT) <= 0);
            if (wait.isEmpty()) {
                log.warn("{}", failure.getMessage());
                return;
            }
            retryOnce(chat, reply, wait.get());
        }
    }

    /** In Telegram's HTML; as plain text split into several messages when longer than one message may be. */
    private void send(Destination chat, Reply reply) throws SendFailure {
        String plain = ReplyFormat.PLAIN.render(reply);
        if (plain.length() > TelegramFormatter.MAX_TEXT) {
            sender.sendText(chat, plain);
        } else {
            sender.sendHtml(chat, ReplyFormat.TELEGRAM_HTML.render(reply));
        }
    }

    private void retryOnce(Destination chat, Reply text, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            send(chat, text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SendFailure again) {
            log.warn("{} (after waiting {} s)", again.getMessage(), wait.toSeconds());
        }
    }
}
