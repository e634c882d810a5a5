package io.herald.feed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Decodes gzip/deflate response bodies and reads them with a size cap enforced while streaming. */
final class Bodies {

    /** The decoded body went past the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long max) {
            super("response is larger than " + size(max));
        }
    }

    private Bodies() {
    }

    /** Wraps the raw stream with the decoder named by a Content-Encoding header (identity when absent). */
    static InputStream decode(InputStream raw, String contentEncoding) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (enc) {
            case "", "identity":
                return raw;
            case "gzip", "x-gzip":
                return new GZIPInputStream(raw, 8192);
            case "deflate":
                return inflating(raw);
            default:
                throw new IOException("unsupported Content-Encoding \"" + enc + "\"");
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: tell them apart by the header. */
    private static InputStream inflating(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        in.reset();
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
    }

    /** Reads the whole stream, failing as soon as more than {@code max} bytes arrive. */
    static byte[] readCapped(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                throw new TooLargeException(max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A byte count for people: "10 MiB", "512 KiB", "300 bytes". */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
