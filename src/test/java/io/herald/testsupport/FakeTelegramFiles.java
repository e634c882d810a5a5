package io.herald.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files in the fake, as Telegram handles them: documents users send (a {@code file_id} in the message; {@code
 * getFile} gives a {@code file_path}, downloaded from {@code /file/bot<token>/<file_path>}, at most 20 MB), and
 * documents the bot sends with {@code sendDocument} as a multipart/form-data upload (at most 50 MB). Thread-safe.
 */
final class FakeTelegramFiles {
    static final long MAX_DOWNLOAD = 20L * 1024 * 1024;
    static final long MAX_UPLOAD = 50L * 1024 * 1024;

    /** A file part of a multipart request. */
    record Upload(String fileName, byte[] content) {
    }

    private record Stored(String fileId, String path, byte[] content) {
    }

    private final Map<String, Stored> byId = new HashMap<>();
    private final Map<String, Stored> byPath = new HashMap<>();
    private final List<FakeTelegramServer.SentDocument> sent = new ArrayList<>();
    private int next = 1;

    /** Stores a user's document; returns the Document object a message carries. */
    synchronized ObjectNode userDocument(String fileName, String mimeType, byte[] content) {
        int n = next++;
        String id = "BQACAgIAAxkBAAI" + n;
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : "";
        Stored file = new Stored(id, "documents/file_" + n + extension.toLowerCase(Locale.ROOT), content);
        byId.put(id, file);
        byPath.put(file.path(), file);
        return FakeTelegramBotApi.JSON.createObjectNode().put("file_id", id).put("file_unique_id", "AgAD" + n)
                .put("file_name", fileName).put("mime_type", mimeType).put("file_size", content.length);
    }

    /** {@code getFile}: a File object with its {@code file_path}, or Telegram's refusal. */
    synchronized FakeTelegramReply getFile(ObjectNode params) {
        Stored file = byId.get(params.get("file_id").asText());
        if (file == null) {
            return FakeTelegramReply.badRequest("Bad Request: invalid file_id");
        }
        if (file.content().length > MAX_DOWNLOAD) {
            return FakeTelegramReply.badRequest("Bad Request: file is too big");
        }
        ObjectNode result = FakeTelegramBotApi.JSON.createObjectNode().put("file_id", file.fileId())
                .put("file_unique_id", "AgAD" + file.fileId().hashCode()).put("file_size", file.content().length)
                .put("file_path", file.path());
        return FakeTelegramReply.ok(result);
    }

    /** The bytes behind a {@code file_path} from {@code getFile}. */
    synchronized Optional<byte[]> download(String path) {
        return Optional.ofNullable(byPath.get(path)).map(Stored::content);
    }

    /** Records an accepted {@code sendDocument}. */
    synchronized FakeTelegramServer.SentDocument record(long chatId, long messageId, Upload upload,
                                                        Optional<String> caption) {
        FakeTelegramServer.SentDocument doc = new FakeTelegramServer.SentDocument(chatId, messageId,
                upload.fileName(), upload.content(), caption);
        sent.add(doc);
        notifyAll();
        return doc;
    }

    synchronized List<FakeTelegramServer.SentDocument> sent() {
        return List.copyOf(sent);
    }

    synchronized List<FakeTelegramServer.SentDocument> awaitSent(long chatId, int count, long deadlineNanos)
            throws InterruptedException {
        while (true) {
            List<FakeTelegramServer.SentDocument> matching = sent.stream().filter(d -> d.chatId() == chatId).toList();
            long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (matching.size() >= count || remaining <= 0) {
                return matching;
            }
            wait(remaining);
        }
    }

    /**
     * Parses a multipart/form-data body: text parts into {@code params}, file parts (those with a {@code filename})
     * into {@code uploads}. A file part sent under the parameter's own name also sets that parameter to
     * {@code attach://<name>}, the Bot API's other way of pointing at an uploaded part, so both read the same.
     */
    static void readMultipart(byte[] body, String contentType, ObjectNode params, Map<String, Upload> uploads)
            throws FakeTelegramHttp.BadBody {
        String boundary = null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new FakeTelegramHttp.BadBody("Bad Request: multipart body without a boundary");
        }
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        String[] parts = raw.split(java.util.regex.Pattern.quote(delimiter));
        for (String part : parts) {
            if (part.isEmpty() || part.startsWith("--")) {
                continue;
            }
            String p = part.startsWith("\r\n") ? part.substring(2) : part;
            int headerEnd = p.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                throw new FakeTelegramHttp.BadBody("Bad Request: malformed multipart part");
            }
            String headers = p.substring(0, headerEnd);
            String content = p.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Optional<String> name = dispositionParam(headers, "name");
            if (name.isEmpty()) {
                throw new FakeTelegramHttp.BadBody("Bad Request: multipart part without a name");
            }
            Optional<String> fileName = dispositionParam(headers, "filename");
            byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
            if (fileName.isPresent()) {
                uploads.put(name.get(), new Upload(fileName.get(), bytes));
                params.put(name.get(), "attach://" + name.get());
            } else {
                params.put(name.get(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    private static Optional<String> dispositionParam(String headers, String param) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String piece : line.split(";")) {
                String p = piece.strip();
                if (p.startsWith(param + "=")) {
                    return Optional.of(p.substring(param.length() + 1).replace("\"", ""));
                }
            }
        }
        return Optional.empty();
    }
}
