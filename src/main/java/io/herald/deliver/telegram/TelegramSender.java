package io.herald.deliver.telegram;

import io.herald.deliver.AlertSender;
import io.herald.deliver.Digest;
import io.herald.deliver.SendFailure;
import io.herald.deliver.console.PlainTextFormatter;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Platform;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends alerts to Telegram chats as HTML messages with the article's link preview and "Mute this query" /
 * "Unsubscribe" buttons, and plain-text replies for the bot.
 * Telegram's refusals become {@link SendFailure}s that say whether and when to retry.
 */
public final class TelegramSender implements AlertSender {

    private final TelegramClient client;
    private final TelegramFormatter formatter;
    private final TelegramDigestFormatter digestFormatter = new TelegramDigestFormatter();
    private final PlainTextFormatter plainFormatter;

    /** A sender whose alerts show times relative to the system clock. */
    public TelegramSender(TelegramClient client) {
        this(client, Clock.systemUTC());
    }

    /** A sender whose alerts show times relative to {@code clock}. */
    public TelegramSender(TelegramClient client, Clock clock) {
        this(client, new TelegramFormatter(clock), clock);
    }

    public TelegramSender(TelegramClient client, TelegramFormatter formatter) {
        this(client, formatter, Clock.systemUTC());
    }

    private TelegramSender(TelegramClient client, TelegramFormatter formatter, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.plainFormatter = new PlainTextFormatter(clock);
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public void send(Alert alert) throws SendFailure {
        String what = "cannot send alert " + alert.id() + " to chat " + alert.destination().address();
        LinkPreviewOptions.LinkPreviewOptionsBuilder<?, ?> preview = LinkPreviewOptions.builder().isDisabled(false);
        TelegramFormatter.previewLink(alert).ifPresent(preview::urlField);
        sendHtml(what, chatId(what, alert.destination()), formatter.format(alert), preview.build(),
                keyboard(formatter.buttons(alert)));
    }

    /** Sends the alert as plain text (after Telegram refused its HTML): what the console shows, links included. */
    @Override
    public void sendPlain(Alert alert) throws SendFailure {
        String what = "cannot send alert " + alert.id() + " as plain text to chat " + alert.destination().address();
        long chatId = chatId(what, alert.destination());
        Alert withoutAddress = alert.withDestination(Destination.CONSOLE);
        sendText(chatId, plainFormatter.format(withoutAddress).replace(PlainTextFormatter.SEPARATOR, "").strip());
    }

    /** Sends a notice as plain text to a chat or, for a user id, to the user's private chat with the bot. */
    @Override
    public void sendNotice(String address, String text) throws SendFailure {
        long chatId;
        try {
            chatId = Long.parseLong(address);
        } catch (NumberFormatException e) {
            throw SendFailure.permanent("telegram: cannot send a notice to '" + address + "': not a chat id", e);
        }
        sendText(chatId, text);
    }

    @Override
    public void sendDigest(Digest digest) throws SendFailure {
        String what = "cannot send a digest of " + digest.alerts().size() + " alerts (first "
                + digest.alerts().get(0).id() + ") to chat " + digest.destination().address();
        sendHtml(what, chatId(what, digest.destination()), digestFormatter.format(digest),
                LinkPreviewOptions.builder().isDisabled(true).build(), null);
    }

    @Override
    public void sendDigestPlain(Digest digest) throws SendFailure {
        String what = "cannot send a plain digest to chat " + digest.destination().address();
        sendText(chatId(what, digest.destination()), digest.plainText());
    }

    private static long chatId(String what, Destination destination) throws SendFailure {
        if (destination.platform() != Platform.TELEGRAM) {
            throw SendFailure.permanent("telegram: " + what + ": not a telegram destination", null);
        }
        try {
            return Long.parseLong(destination.address());
        } catch (NumberFormatException e) {
            throw SendFailure.permanent("telegram: " + what + ": the chat id is not a number", e);
        }
    }

    private void sendHtml(String what, long chatId, String html, LinkPreviewOptions preview,
                          InlineKeyboardMarkup markup) throws SendFailure {
        SendMessage message = SendMessage.builder()
                .chatId(chatId)
                .text(html)
                .parseMode("HTML")
                .linkPreviewOptions(preview)
                .replyMarkup(markup)
                .build();
        execute(what, message);
    }

    /**
     * Sends plain text (no parse mode, no link preview) to a chat, split into several messages when longer than
     * Telegram's 4096 characters. Blank text sends nothing.
     *
     * @throws SendFailure on the first part Telegram refuses
     */
    public void sendText(long chatId, String text) throws SendFailure {
        List<String> parts = TelegramText.split(TelegramText.clean(text), TelegramFormatter.MAX_TEXT);
        for (String part : parts) {
            SendMessage message = SendMessage.builder()
                    .chatId(chatId)
                    .text(part)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .build();
            execute("cannot send a reply to chat " + chatId, message);
        }
    }

    private static InlineKeyboardMarkup keyboard(List<TelegramFormatter.Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (TelegramFormatter.Button button : buttons) {
            row.add(InlineKeyboardButton.builder().text(button.text()).callbackData(button.callbackData()).build());
        }
        return InlineKeyboardMarkup.builder().keyboardRow(row).build();
    }

    private void execute(String what, SendMessage message) throws SendFailure {
        try {
            client.execute(message);
        } catch (TelegramApiException e) {
            throw TelegramFailures.map(what, e);
        } catch (RuntimeException e) {
            throw SendFailure.transientFailure("telegram: " + what + ": " + e, e);
        }
    }
}
