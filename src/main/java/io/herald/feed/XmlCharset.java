package io.herald.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an XML document's bytes to text the way RFC 3023/7303 and real feeds need: a byte-order mark first, then
 * the HTTP charset, then the encoding of the XML declaration (read after sniffing UTF-16/32 from the first bytes),
 * else UTF-8. Labels are mapped to their supersets as browsers do (ISO-8859-1 and US-ASCII to windows-1252, GB2312
 * to GB18030). A legacy single-byte label on bytes that are in fact valid multi-byte UTF-8 gives UTF-8, and
 * UTF-8 text with stray Latin-1/windows-1252 bytes is repaired byte by byte instead of becoming U+FFFD. Where the
 * reading as UTF-8 or windows-1252 (declared or by default) still gives mojibake, {@link LegacyCharsets} guesses the
 * legacy encoding.
 */
final class XmlCharset {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?\\s*([^\"';\\s]+)");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Map<String, String> SUPERSETS = Map.of(
            "iso-8859-1", "windows-1252", "latin1", "windows-1252", "l1", "windows-1252",
            "us-ascii", "windows-1252", "ascii", "windows-1252", "iso-8859-9", "windows-1254",
            "gb2312", "GB18030", "gbk", "GB18030", "u16", "UTF-16", "utf16", "UTF-16");

    /** The decoded document and the charset used. */
    record Decoded(String text, Charset charset) {
    }

    private XmlCharset() {
    }

    static Decoded decode(byte[] body, Optional<String> contentType) {
        Optional<Bom> bom = Bom.of(body);
        if (bom.isPresent()) {
            return new Decoded(strict(body, bom.get().length, bom.get().charset), bom.get().charset);
        }
        Optional<Charset> sniffed = sniffWide(body);
        Optional<Charset> fromHttp = contentType.flatMap(XmlCharset::httpCharset).flatMap(XmlCharset::lookup);
        Charset chosen = fromHttp.or(() -> sniffed)
                .or(() -> declared(body).flatMap(XmlCharset::lookup))
                .orElse(StandardCharsets.UTF_8);
        if (isSingleByteLatin(chosen) && hasMultiByteUtf8(body) && isValidUtf8(body)) {
            chosen = StandardCharsets.UTF_8;
        }
        Decoded decoded;
        if (chosen.equals(StandardCharsets.UTF_8)) {
            int[] counts = utf8Counts(body);
            if (counts[1] == 0) {
                return new Decoded(utf8(body), chosen);
            }
            decoded = counts[1] > counts[0] ? new Decoded(strict(body, 0, WINDOWS_1252), WINDOWS_1252)
                    : new Decoded(utf8Repairing(body), chosen);
        } else {
            decoded = new Decoded(strict(body, 0, chosen), chosen);
            if (!isSingleByteLatin(chosen)) {
                return decoded;
            }
        }
        return LegacyCharsets.implausible(decoded.text()) ? LegacyCharsets.detect(body)
                .map(legacy -> new Decoded(strict(body, 0, legacy), legacy)).orElse(decoded) : decoded;
    }

    /** The charset parameter of a Content-Type, without quotes or spaces. */
    static Optional<String> httpCharset(String contentType) {
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    static Optional<Charset> lookup(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(key, key);
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** UTF-16/32 without a BOM, recognised by how {@code <} or {@code <?} is laid out in the first bytes. */
    private static Optional<Charset> sniffWide(byte[] b) {
        if (b.length < 4) {
            return Optional.empty();
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        int b3 = b[3] & 0xff;
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /**
     * Valid multi-byte UTF-8 sequences and bytes that fit no sequence: a document with more of the latter is
     * windows-1252 throughout (a stray Latin-1 pair such as {@code é} + NBSP + {@code »} can look like UTF-8).
     */
    static int[] utf8Counts(byte[] b) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 1) {
                i++;
                continue;
            }
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
        return new int[] {valid, invalid};
    }

    private static boolean isSingleByteLatin(Charset c) {
        return c.equals(WINDOWS_1252) || c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII);
    }

    private static boolean hasMultiByteUtf8(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValidUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String strict(byte[] body, int offset, Charset charset) {
        return charset.decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
    }

    /**
     * UTF-8 known to have no stray bytes: the JDK's own decoding, unless it still finds a sequence it refuses
     * (an encoded surrogate, an overlong form), which {@link #utf8Repairing} then reads byte by byte.
     */
    private static String utf8(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : utf8Repairing(body);
    }

    /** UTF-8, except that a byte which does not start a valid sequence is read as windows-1252. */
    static String utf8Repairing(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 16);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
            } else {
                int len = result.length();
                for (int i = 0; i < len; i++) {
                    if (!out.hasRemaining()) {
                        out = grow(out);
                    }
                    out.put(WINDOWS_1252.decode(ByteBuffer.wrap(new byte[] {in.get()})).get());
                }
            }
        }
        out.flip();
        return out.toString();
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        return bigger;
    }

    /** Byte-order marks. */
    private enum Bom {
        UTF32BE(new int[] {0, 0, 0xFE, 0xFF}, "UTF-32BE"),
        UTF32LE(new int[] {0xFF, 0xFE, 0, 0}, "UTF-32LE"),
        UTF8(new int[] {0xEF, 0xBB, 0xBF}, "UTF-8"),
        UTF16BE(new int[] {0xFE, 0xFF}, "UTF-16BE"),
        UTF16LE(new int[] {0xFF, 0xFE}, "UTF-16LE");

        final int[] bytes;
        final int length;
        final Charset charset;

        Bom(int[] bytes, String charset) {
            this.bytes = bytes;
            this.length = bytes.length;
            this.charset = Charset.forName(charset);
        }

        static Optional<Bom> of(byte[] body) {
            for (Bom bom : values()) {
                if (body.length >= bom.length && matches(body, bom.bytes)) {
                    return Optional.of(bom);
                }
            }
            return Optional.empty();
        }

        private static boolean matches(byte[] body, int[] prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if ((body[i] & 0xff) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
