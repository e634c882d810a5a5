package io.herald.chat.telegram;

import io.herald.chat.DocumentHandler;
import io.herald.chat.IncomingMessage;
import io.herald.deliver.SendFailure;
import io.herald.deliver.telegram.TelegramAddress;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.model.Destination;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Files in Telegram chats: a document a user sends is fetched ({@code getFile}, then the file download path) when
 * the {@link DocumentHandler} wants it and is small enough, and its answer returned; a file a command answers with is
 * sent with {@code sendDocument}.
 */
final class TelegramDocuments {
    private static final Logger log = LoggerFactory.getLogger(TelegramDocuments.class);

    private final TelegramClients clients;
    private final TelegramClient client;
    private final DocumentHandler documents;

    TelegramDocuments(TelegramClients clients, DocumentHandler documents) {
        this.clients = clients;
        this.client = clients.client();
        this.documents = documents;
    }

    /** The answer to a received document; empty when it is not for Herald (e.g. any file shared in a group). */
    Optional<String> received(Destination chat, String userId, Document document) {
        String name = document.getFileName() == null ? "" : document.getFileName();
        IncomingMessage from = new IncomingMessage(chat, userId, "");
        if (!documents.wants(from, name)) {
            return chat.address().startsWith("-") ? Optional.empty()
                    : Optional.of("I only read .opml files, and only from Herald's admins. Send /help to see what I"
                    + " can do.");
        }
        long size = document.getFileSize() == null ? 0 : document.getFileSize();
        if (size > DocumentHandler.MAX_UPLOAD_BYTES) {
            return Optional.of(name + " is too large (" + size / 1024 + " KB); I read files up to "
                    + DocumentHandler.MAX_UPLOAD_BYTES / 1024 + " KB.");
        }
        byte[] content;
        try {
            File file = client.execute(new GetFile(document.getFileId()));
            content = download(file.getFilePath());
        } catch (TelegramApiException | IOException e) {
            log.warn("telegram: cannot download {} from chat {}: {}", name, chat, e.getMessage());
            return Optional.of("I couldn't download " + name + " from Telegram; please send it again.");
        }
        if (content.length > DocumentHandler.MAX_UPLOAD_BYTES) {
            return Optional.of(name + " is too large; I read files up to "
                    + DocumentHandler.MAX_UPLOAD_BYTES / 1024 + " KB.");
        }
        return Optional.of(documents.received(from, name, content));
    }

    /**
     * The file's bytes from {@code <TELEGRAM_API_URL>/file/bot<token>/<file_path>} (the library's own download always
     * goes to api.telegram.org, whatever URL the client was given), at most one byte over the limit.
     */
    private byte[] download(String filePath) throws IOException {
        if (filePath == null || filePath.isBlank() || filePath.contains("..")) {
            throw new IOException("Telegram gave no usable file path");
        }
        TelegramUrl api = clients.url();
        HttpUrl url = new HttpUrl.Builder().scheme(api.getSchema()).host(api.getHost()).port(api.getPort())
                .addPathSegment("file").addPathSegment("bot" + clients.token()).addPathSegments(filePath).build();
        try (Response response = clients.http().newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (response.code() != 200) {
                throw new IOException("the file download answered HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                return in.readNBytes(DocumentHandler.MAX_UPLOAD_BYTES + 1);
            }
        }
    }

    /** Sends the file; returns a text to send instead when Telegram refused it. */
    Optional<String> send(Destination chat, DocumentHandler.OutgoingFile file) {
        try {
            TelegramAddress to = TelegramAddress.of("file", chat);
            SendDocument.SendDocumentBuilder<?, ?> send = SendDocument.builder().chatId(to.chatId())
                    .document(new InputFile(new ByteArrayInputStream(file.content()), file.name()))
                    .caption(file.caption());
            to.threadId().ifPresent(send::messageThreadId);
            client.execute(send.build());
            return Optional.empty();
        } catch (SendFailure e) {
            return Optional.of("I couldn't send " + file.name() + " here.");
        } catch (TelegramApiException e) {
            log.warn("telegram: cannot send {} to chat {}: {}", file.name(), chat, e.getMessage());
            return Optional.of("I couldn't send " + file.name() + " (" + e.getMessage() + ").");
        }
    }
}
