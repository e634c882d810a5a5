package io.herald.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Undeclared legacy encodings (Big5, GB2312, EUC-JP, Shift_JIS, EUC-KR, KOI8-R, TIS-620, windows-1255...), guessed
 * with juniversalchardet (Mozilla's detector) only where the declared or default reading of a document gives text
 * no one writes: most of its non-ASCII characters stand in runs of Latin-1 letters and symbols ({@code ¥²¡¼¥à»°}),
 * which is what CJK, Cyrillic, Thai or Hebrew bytes look like read as windows-1252. The guess is taken only when it
 * is such a legacy charset and the bytes decode in it without a single error.
 */
final class LegacyCharsets {
    /** Share of the non-ASCII characters standing in runs of three or more above which the text is mojibake. */
    private static final double RUN_SHARE = 0.5;
    private static final int MIN_RUN = 3;
    private static final int MIN_NON_ASCII = 4;
    /** Answers that are no legacy encoding: the reading already made stands. */
    private static final Set<String> NOT_LEGACY = Set.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE",
            "US-ASCII", "WINDOWS-1252", "ISO-8859-1");

    private LegacyCharsets() {
    }

    /** True when text read as windows-1252 (or UTF-8 repaired with it) looks like another encoding read wrong. */
    static boolean implausible(String text) {
        int nonAscii = 0;
        int inRuns = 0;
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean latin = i < text.length() && PlainText.isLatin1Like(text.charAt(i));
            if (latin) {
                nonAscii++;
                run++;
            } else {
                inRuns += run >= MIN_RUN ? run : 0;
                run = 0;
            }
        }
        return nonAscii >= MIN_NON_ASCII && inRuns > nonAscii * RUN_SHARE;
    }

    /** The legacy charset the bytes are in, when the detector names one they decode in without an error. */
    static Optional<Charset> detect(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, body.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null || NOT_LEGACY.contains(name)) {
            return Optional.empty();
        }
        return XmlCharset.lookup(name).filter(charset -> decodesCleanly(body, charset));
    }

    private static boolean decodesCleanly(byte[] body, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
