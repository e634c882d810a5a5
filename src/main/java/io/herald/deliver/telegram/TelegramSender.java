package io.herald.deliver.telegram;

import io.herald.deliver.AlertSender;
import io.herald.deliver.AlertState;
import io.herald.deliver.Digest;
import io.herald.deliver.ReplyText;
import io.herald.deliver.SendFailure;
import io.herald.deliver.console.PlainTextFormatter;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.LinkPreview;
import io.herald.model.Platform;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends alerts to Telegram chats and forum topics as HTML messages with the link preview chosen for them and
 * "Mute this query" / "Unsubscribe" buttons, changes those buttons in place, and sends plain-text replies for the
 * bot. Telegram's refusals become {@link SendFailure}s that say whether and when to retry.
 */
public final class TelegramSender implements AlertSender {

    private final TelegramClient client;
    private final TelegramFormatter formatter;
    private final TelegramDigestFormatter digestFormatter = new TelegramDigestFormatter();
    private final PlainTextFormatter plainFormatter;
    private final Function<Alert, LinkPreview> previews;

    /** A sender whose alerts show times relative to the system clock. */
    public TelegramSender(TelegramClient client) {
        this(client, Clock.systemUTC());
    }

    /** A sender whose alerts show times relative to {@code clock}, each with the default link preview. */
    public TelegramSender(TelegramClient client, Clock clock) {
        this(client, clock, alert -> LinkPreview.DEFAULT);
    }

    /** A sender whose alerts show times relative to {@code clock} and the link preview {@code previews} chooses. */
    public TelegramSender(TelegramClient client, Clock clock, Function<Alert, LinkPreview> previews) {
        this(client, new TelegramFormatter(clock), clock, previews);
    }

    public TelegramSender(TelegramClient client, TelegramFormatter formatter) {
        this(client, formatter, Clock.systemUTC(), alert -> LinkPreview.DEFAULT);
    }

    private TelegramSender(TelegramClient client, TelegramFormatter formatter, Clock clock,
                           Function<Alert, LinkPreview> previews) {
        this.client = Objects.requireNonNull(client, "client");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.plainFormatter = new PlainTextFormatter(clock);
        this.previews = Objects.requireNonNull(previews, "previews");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public void send(Alert alert) throws SendFailure {
        sendTracked(alert);
    }

    /** Sends the alert; returns its {@code message_id}. */
    @Override
    public Optional<String> sendTracked(Alert alert) throws SendFailure {
        String what = "cannot send alert " + alert.id() + " to chat " + alert.destination().address();
        TelegramAddress to = TelegramAddress.of(what, alert.destination());
        Message sent = execute(what, html(to, formatter.format(alert), preview(alert))
                .replyMarkup(keyboard(formatter.buttons(alert, AlertState.ACTIVE))).build());
        return Optional.ofNullable(sent).map(Message::getMessageId).map(String::valueOf);
    }

    /** Replaces the buttons under an alert already sent ({@code messageRef} is its {@code message_id}). */
    public void editButtons(Alert alert, String messageRef, AlertState state) throws SendFailure {
        String what = "cannot change the buttons of alert " + alert.id() + " in chat " + alert.destination();
        TelegramAddress to = TelegramAddress.of(what, alert.destination());
        int messageId;
        try {
            messageId = Integer.parseInt(messageRef);
        } catch (NumberFormatException e) {
            throw SendFailure.permanent("telegram: " + what + ": '" + messageRef + "' is not a message id", e);
        }
        InlineKeyboardMarkup markup = keyboard(formatter.buttons(alert, state));
        execute(what, EditMessageReplyMarkup.builder().chatId(to.chatId()).messageId(messageId)
                .replyMarkup(markup == null ? InlineKeyboardMarkup.builder().keyboard(List.of()).build() : markup)
                .build());
    }

    /** Sends the alert as plain text (after Telegram refused its HTML): what the console shows, links included. */
    @Override
    public void sendPlain(Alert alert) throws SendFailure {
        String what = "cannot send alert " + alert.id() + " as plain text to chat " + alert.destination().address();
        Alert withoutAddress = alert.withDestination(Destination.CONSOLE);
        sendText(TelegramAddress.of(what, alert.destination()),
                plainFormatter.format(withoutAddress).replace(PlainTextFormatter.SEPARATOR, "").strip());
    }

    /** Sends a notice as plain text to a chat or topic or, for a user id, to the user's private chat with the bot. */
    @Override
    public void sendNotice(String address, String text) throws SendFailure {
        sendText(TelegramAddress.of("cannot send a notice", new Destination(Platform.TELEGRAM, address)), text);
    }

    @Override
    public void sendDigest(Digest digest) throws SendFailure {
        String what = "cannot send a digest of " + digest.alerts().size() + " alerts (first "
                + digest.alerts().get(0).id() + ") to chat " + digest.destination().address();
        execute(what, html(TelegramAddress.of(what, digest.destination()), digestFormatter.format(digest),
                LinkPreview.NONE).build());
    }

    @Override
    public void sendDigestPlain(Digest digest) throws SendFailure {
        String what = "cannot send a plain digest to chat " + digest.destination().address();
        sendText(TelegramAddress.of(what, digest.destination()), digest.plainText());
    }

    private SendMessage.SendMessageBuilder<?, ?> html(TelegramAddress to, String html, LinkPreviewOptions preview) {
        return SendMessage.builder().chatId(to.chatId()).messageThreadId(to.threadId().orElse(null)).text(html)
                .parseMode("HTML").linkPreviewOptions(preview);
    }

    private SendMessage.SendMessageBuilder<?, ?> html(TelegramAddress to, String html, LinkPreview preview) {
        return html(to, html, options(preview, Optional.empty()));
    }

    private LinkPreviewOptions preview(Alert alert) {
        return options(previews.apply(alert), TelegramFormatter.previewLink(alert));
    }

    /** Telegram's {@code link_preview_options} for the choice: large above the text, small, or none. */
    static LinkPreviewOptions options(LinkPreview choice, Optional<String> link) {
        if (choice == LinkPreview.NONE || link.isEmpty()) {
            return LinkPreviewOptions.builder().isDisabled(true).build();
        }
        LinkPreviewOptions.LinkPreviewOptionsBuilder<?, ?> options = LinkPreviewOptions.builder().isDisabled(false)
                .urlField(link.get());
        return choice == LinkPreview.LARGE ? options.preferLargeMedia(true).showAboveText(true).build()
                : options.preferSmallMedia(true).showAboveText(false).build();
    }

    /**
     * Sends plain text (no parse mode, no link preview) to a chat, split into several messages when longer than
     * Telegram's 4096 characters. Blank text sends nothing.
     *
     * @throws SendFailure on the first part Telegram refuses
     */
    public void sendText(long chatId, String text) throws SendFailure {
        sendText(new TelegramAddress(chatId, Optional.empty()), text);
    }

    /** Like {@link #sendText(long, String)}, into a chat or one of its forum topics ({@code telegram:} address). */
    public void sendText(Destination chat, String text) throws SendFailure {
        sendText(TelegramAddress.of("cannot send a reply", chat), text);
    }

    /**
     * Sends one reply written in Telegram's HTML ({@code parse_mode=HTML}, no link preview) to a chat or forum
     * topic; the caller keeps its visible text within Telegram's 4096 characters.
     */
    @Override
    public void sendReply(Destination to, ReplyText text) throws SendFailure {
        if (text.markup().isPresent() && text.plain().length() <= TelegramFormatter.MAX_TEXT) {
            sendHtml(to, text.markup().get());
        } else {
            sendReply(to, text.plain());
        }
    }

    public void sendHtml(Destination chat, String html) throws SendFailure {
        TelegramAddress to = TelegramAddress.of("cannot send a reply", chat);
        execute("cannot send a reply to chat " + to, html(to, html, LinkPreviewOptions.builder().isDisabled(true)
                .build()).build());
    }

    private void sendText(TelegramAddress to, String text) throws SendFailure {
        List<String> parts = TelegramText.split(TelegramText.clean(text), TelegramFormatter.MAX_TEXT);
        for (String part : parts) {
            SendMessage message = SendMessage.builder()
                    .chatId(to.chatId())
                    .messageThreadId(to.threadId().orElse(null))
                    .text(part)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .build();
            execute("cannot send a reply to chat " + to, message);
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

    private <T extends Serializable> T execute(String what, BotApiMethod<T> method) throws SendFailure {
        try {
            return client.execute(method);
        } catch (TelegramApiException e) {
            throw TelegramFailures.map(what, e);
        } catch (RuntimeException e) {
            throw SendFailure.transientFailure("telegram: " + what + ": " + e, e);
        }
    }
}
