package io.herald.chat;

import java.util.Optional;

/** Commands that take or give a file (on platforms that carry files): an uploaded OPML, {@code /export}. */
public interface DocumentHandler {

    /** The largest upload read, in bytes. */
    int MAX_UPLOAD_BYTES = 1024 * 1024;

    /** Whether a document of this name from this sender is wanted at all (before it is downloaded). */
    boolean wants(IncomingMessage from, String fileName);

    /** Answers an uploaded document; never empty. */
    String received(IncomingMessage from, String fileName, byte[] content);

    /** The file a command answers with instead of text ({@code /export} from an admin); empty otherwise. */
    Optional<OutgoingFile> fileFor(IncomingMessage message);

    /** A file to send, with a one-line caption. */
    record OutgoingFile(String name, byte[] content, String caption) {
    }
}
