package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodiesTest {
    private static final byte[] TEXT = "<rss>héllo feed</rss>".repeat(50).getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gzip", "x-gzip", "deflate-zlib", "deflate-raw", "identity", "none"})
    void decodesEveryContentEncoding(String encoding) throws Exception {
        byte[] wire = encode(encoding);
        String header = switch (encoding) {
            case "deflate-zlib", "deflate-raw" -> "deflate";
            case "none" -> null;
            default -> encoding;
        };
        assertThat(Bodies.readCapped(Bodies.decode(new ByteArrayInputStream(wire), header), 1 << 20))
                .isEqualTo(TEXT);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1024, 1 KiB", "10485760, 10 MiB", "1000, 1000 bytes", "1536, 1536 bytes"})
    void statesTheLimitForPeople(long bytes, String text) {
        assertThatThrownBy(() -> Bodies.readCapped(new ByteArrayInputStream(new byte[(int) bytes + 1]), bytes))
                .isInstanceOf(Bodies.TooLargeException.class)
                .hasMessage("response is larger than " + text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"br", "compress"})
    void refusesUnknownEncodings(String encoding) {
        assertThatThrownBy(() -> Bodies.decode(new ByteArrayInputStream(TEXT), encoding))
                .hasMessageContaining("unsupported Content-Encoding");
    }

    private static byte[] encode(String encoding) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (encoding) {
            case "gzip", "x-gzip" -> {
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(TEXT);
                }
            }
            case "deflate-zlib", "deflate-raw" -> {
                try (DeflaterOutputStream d = new DeflaterOutputStream(out,
                        new Deflater(Deflater.DEFAULT_COMPRESSION, encoding.equals("deflate-raw")))) {
                    d.write(TEXT);
                }
            }
            default -> out.write(TEXT);
        }
        return out.toByteArray();
    }
}
