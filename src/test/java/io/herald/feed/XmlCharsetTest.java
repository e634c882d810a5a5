package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Character decoding of XML feeds: BOM, HTTP charset, declaration, sniffing, supersets and repairs. */
class XmlCharsetTest {
    private static final String DOC = "<?xml version=\"1.0\" encoding=\"%s\"?><rss><title>%s</title></rss>";

    @ParameterizedTest(name = "{0} declared, {1} bytes")
    @CsvSource(textBlock = """
            windows-1251, windows-1251, Новости дня
            KOI8-R,       KOI8-R,       Пример ленты
            Big5,         Big5,         中文新聞
            Shift_JIS,    Shift_JIS,    日本語のニュース
            GB2312,       GB2312,       简体中文新闻
            ISO-8859-2,   ISO-8859-2,   Zażółć gęślą
            ISO-8859-1,   ISO-8859-1,   Café crème
            """)
    void legacyEncodingsDeclaredInTheProlog(String declared, String bytes, String text) {
        byte[] body = String.format(DOC, declared, text).getBytes(Charset.forName(bytes));
        assertThat(XmlCharset.decode(body, Optional.empty()).text()).contains(text);
    }

    @Test
    void utf8DeclaredLatin1IsRepairedNotReplaced() {
        byte[] body = String.format(DOC, "UTF-8", "Café crème à la carte").getBytes(StandardCharsets.ISO_8859_1);
        String text = XmlCharset.decode(body, Optional.empty()).text();
        assertThat(text).contains("Café crème à la carte").doesNotContain("\uFFFD");
    }

    @Test
    void strayLatin1BytesInUtf8AreRepairedOneByOne() {
        byte[] utf8 = String.format(DOC, "UTF-8", "Zürich – naïve ").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, body, 0, utf8.length);
        body[utf8.length] = (byte) 0xE9;
        assertThat(XmlCharset.decode(body, Optional.empty()).text()).contains("Zürich – naïve").endsWith("é");
    }

    @Test
    void httpCharsetWinsOverTheProlog() {
        byte[] body = String.format(DOC, "ISO-8859-1", "Новости").getBytes(Charset.forName("windows-1251"));
        assertThat(XmlCharset.decode(body, Optional.of("application/rss+xml; charset=\"windows-1251\"")).text())
                .contains("Новости");
    }

    @Test
    void singleByteLabelOnValidUtf8MeansUtf8() {
        byte[] body = String.format(DOC, "ISO-8859-1", "테스트 피드").getBytes(StandardCharsets.UTF_8);
        assertThat(XmlCharset.decode(body, Optional.empty()).text()).contains("테스트 피드");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            UTF-16LE, true
            UTF-16BE, true
            UTF-32LE, true
            UTF-32BE, true
            UTF-16LE, false
            UTF-32BE, false
            """)
    void wideEncodingsWithOrWithoutBom(String charset, boolean bom) {
        String doc = (bom ? "\uFEFF" : "") + String.format(DOC, charset, "Ünïcödé ✓");
        byte[] body = doc.getBytes(Charset.forName(charset));
        assertThat(XmlCharset.decode(body, Optional.empty()).text()).contains("Ünïcödé ✓").doesNotStartWith("\uFEFF");
    }

    @Test
    void quotedAndSpacedCharsetParametersAreRead() {
        assertThat(XmlCharset.httpCharset("text/xml;charset= 'us-ascii'")).contains("us-ascii");
        assertThat(XmlCharset.httpCharset("text/xml; charset:iso-8859-1")).isEmpty();
    }

    @Test
    void doubleEncodedUtf8IsUndone() {
        assertThat(PlainText.text("It\u00e2\u20ac\u2122s \u00e2\u20ac\u00a6 fine")).isEqualTo("It’s … fine");
        assertThat(PlainText.text("Café, Ça va, Über")).isEqualTo("Café, Ça va, Über");
    }
}
