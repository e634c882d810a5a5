package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ParsedFeed;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Legacy encodings are guessed only where the reading gives mojibake, and then only to a clean decoding. */
class LegacyCharsetsTest {
    private static final String RUSSIAN = "Наверное, единственное, во что сегодня можно верить безоговорочно, так это"
            + " в то, что Новый год обязательно наступит. Несмотря ни на что! Это не просто очередной праздник.";
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(false));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Le café était très animé à Noël, déjà où l'œuvre s'achève.   | false
            Größe, Übermaß und Äpfel: schöne Grüße aus Köln.            | false
            São Paulo: ação, coração, informação e educação.             | false
            ëÁË ÐÅÒÅÖÉÔØ ÎÏ×ÏÇÏÄÎÀÀ ÎÏÞØ                                 | true
            ¥²¡¼¥à»°Ëæ¤ÊÀµ·î                                               | true
            """)
    void mojibakeIsTellingLatinTextIsNot(String text, boolean implausible) {
        assertThat(LegacyCharsets.implausible(text)).isEqualTo(implausible);
    }

    @Test
    void anUndeclaredKoi8rFeedIsReadAsKoi8r() throws Exception {
        byte[] body = ("<rss version=\"2.0\"><channel><title>t</title><item><title>" + RUSSIAN
                + "</title></item></channel></rss>").getBytes(Charset.forName("KOI8-R"));

        ParsedFeed feed = reader.parse("ru", body, Optional.empty(), URI.create("https://ru.example/"));

        assertThat(feed.items().get(0).title()).isEqualTo(RUSSIAN);
    }

    @Test
    void aFeedDeclaringLatin1WhileWritingWindows1251IsReadAsWindows1251() throws Exception {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>" + RUSSIAN + "</title></item></channel></rss>")
                .getBytes(Charset.forName("windows-1251"));

        ParsedFeed feed = reader.parse("ru", body, Optional.empty(), URI.create("https://ru.example/"));

        assertThat(feed.items().get(0).title()).isEqualTo(RUSSIAN);
    }

    @Test
    void aLatin1FeedStaysLatin1() throws Exception {
        String french = "Le café était très animé à Noël, déjà où l'œuvre s'achève.";
        byte[] body = ("<rss version=\"2.0\"><channel><title>t</title><item><title>" + french
                + "</title></item></channel></rss>").getBytes(Charset.forName("windows-1252"));

        ParsedFeed feed = reader.parse("fr", body, Optional.empty(), URI.create("https://fr.example/"));

        assertThat(feed.items().get(0).title()).isEqualTo(french);
    }
}
