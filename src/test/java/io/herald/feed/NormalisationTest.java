package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text, dates, identity and error wording of parsed items. */
class NormalisationTest {
    private static final URI BASE = URI.create("https://news.example/feeds/world.rss");
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(true));

    private Item rssItem(String itemXml) throws FeedException {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://news.example/</link><description>d</description><item>" + itemXml
                + "</item></channel></rss>";
        ParsedFeed feed = reader.parse("world", doc.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
        return feed.items().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Tom &amp; Jerry                                          | Tom & Jerry
            Caf&amp;eacute; &amp;amp; bar                            | Café & bar
            <![CDATA[<p>One</p><p>Two<br>Three</p>]]>                | `One\nTwo\nThree`
            <![CDATA[<script>alert(1)</script><style>p{}</style>Text]]> | Text
            &lt;a href="x"&gt;link&lt;/a&gt;   text                 | link text
            <![CDATA[  spaced    out   \t text  ]]>                  | spaced out text
            Caf&#233; &#8211; news                                   | Café – news
            <![CDATA[<ul><li>a</li><li>b</li></ul>]]>                | `a\nb`
            """)
    void descriptionsBecomeCleanPlainText(String description, String expected) throws Exception {
        assertThat(rssItem("<title>x</title><description>" + description + "</description>").summary())
                .isEqualTo(expected.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Caf&#233; &#8211; news                     | Café – news
            <![CDATA[Breaking: <b>NATO</b> summit]]>   | Breaking: NATO summit
            AT&amp;amp;T   earnings                     | AT&T earnings
            a &lt; b                                   | a < b
            """)
    void titlesBecomeOneLineOfPlainText(String title, String expected) throws Exception {
        assertThat(rssItem("<title>" + title + "</title>").title()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            <pubDate>Tue, 02 Jan 2024 03:04:05 GMT</pubDate>                  | 2024-01-02T03:04:05Z
            <pubDate>Tue, 02 Jan 2024 05:04:05 +0200</pubDate>                | 2024-01-02T03:04:05Z
            <pubDate>Mon, 01 Jan 2024 22:04:05 EST</pubDate>                  | 2024-01-02T03:04:05Z
            <dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2024-01-02T03:04:05Z</dc:date> | 2024-01-02T03:04:05Z
            <pubDate>not a date</pubDate>                                     | NONE
            <title>no date</title>                                            | NONE
            """)
    void datesBecomeUtcInstants(String xml, String expected) throws Exception {
        assertThat(rssItem(xml).published()).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
    }

    @Test
    void atomEntryWithoutPublishedUsesUpdated() throws Exception {
        String doc = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
                <updated>2024-01-01T00:00:00Z</updated>
                <entry><title>e</title><id>urn:e</id><updated>2024-01-02T03:04:05.250Z</updated></entry></feed>
                """;
        ParsedFeed feed = reader.parse("f", doc.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
        assertThat(feed.items().get(0).published()).contains(Instant.parse("2024-01-02T03:04:05.250Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            guid wins over link             | <guid>abc-1</guid><link>https://news.example/a</link>                      | abc-1
            permalink guid kept as given    | <guid>https://News.example/a?utm_source=x</guid>                           | https://News.example/a?utm_source=x
            canonical link without guid     | <link>HTTPS://News.Example:443/a?id=1&amp;utm_medium=rss&amp;fbclid=z#c</link> | https://news.example/a?id=1
            relative link made absolute     | <link>/a/b?gclid=1</link>                                                  | https://news.example/a/b
            """)
    void identityIsGuidElseCanonicalLink(String rule, String xml, String expectedId) throws Exception {
        assertThat(rssItem("<title>x</title>" + xml).id()).isEqualTo(expectedId);
    }

    @Test
    void identityWithoutGuidOrLinkIsAHashOfTitleAndSummary() throws Exception {
        Item first = rssItem("<title>Alpha</title><description>text</description>");
        Item again = rssItem("<title>Alpha</title><description>text</description>");
        Item other = rssItem("<title>Beta</title><description>text</description>");

        assertThat(first.id()).matches("[0-9a-f]{64}").isEqualTo(again.id()).isNotEqualTo(other.id());
        assertThat(first.id()).isEqualTo(Identity.sha256Hex("Alpha\ntext"));
    }

    @Test
    void httpCharsetWinsOverTheXmlDeclaration() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9"
                + "</title><link>https://n.example/</link><description>d</description></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed feed = reader.parse("f", latin1, Optional.of("application/rss+xml; charset=ISO-8859-1"), BASE);
        assertThat(feed.title()).isEqualTo("Café");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/xml", "application/xml", "application/rss+xml"})
    void withoutAnHttpCharsetTheXmlDeclarationDecides(String contentType) throws Exception {
        byte[] utf8 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Zürich 東京"
                + "</title><link>https://n.example/</link><description>d</description></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.parse("f", utf8, Optional.of(contentType), BASE).title()).isEqualTo("Zürich 東京");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            well-formed XHTML page | text/html  | <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body><p>hi</p></body></html>
            HTML5 page             | text/html  | <!DOCTYPE html><html><head><meta charset=utf-8><title>x</title></head><body><p>hi<br></body></html>
            HTML page as XML type  | text/xml   | <!doctype html><html><body><img src=a.png></body></html>
            other XML              | text/xml   | <note><to>x</to></note>
            JSON that is no feed   | application/json | {"hello":"world"}
            """)
    void nonFeedDocumentsAreRefusedWithOneSentence(String name, String contentType, String body) {
        assertThatThrownBy(() -> reader.parse("world", body.getBytes(StandardCharsets.UTF_8),
                Optional.of(contentType), BASE))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed world: the document is not an RSS, Atom or JSON feed");
    }

    @Test
    void malformedXmlIsReadLeniently() throws Exception {
        byte[] body = ("<rss version=\"2.0\">\n<channel><title>Caf&eacute; x</channel><item><title>A &bogus; B"
                + "</title><link>https://n.example/a?x=1&y=2</link></item></rss").getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = reader.parse("world", body, Optional.of("application/rss+xml"), BASE);

        assertThat(feed.title()).isEqualTo("Café x");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("A &bogus; B");
            assertThat(i.link()).isEqualTo("https://n.example/a?x=1&y=2");
        });
    }

    @Test
    void xmlWithoutAnyElementNamesTheLine() {
        byte[] body = "<?xml version=\"1.0\"?>\n\n&& no markup at all".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.parse("world", body, Optional.of("application/rss+xml"), BASE))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("feed world: the document is not well-formed XML at line 3");
    }

    @Test
    void gzipBytesWithoutContentEncodingAreUnpacked() throws Exception {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
            gz.write(("<rss version=\"2.0\"><channel><title>Packed</title><link>https://n.example/</link>"
                    + "<description>d</description></channel></rss>").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(reader.parse("f", packed.toByteArray(), Optional.empty(), BASE).title()).isEqualTo("Packed");
    }

    @Test
    void emptyDocumentsAreRefused() {
        assertThatThrownBy(() -> reader.parse("world", " \n".getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE))
                .hasMessage("feed world: the document is empty");
    }
}
