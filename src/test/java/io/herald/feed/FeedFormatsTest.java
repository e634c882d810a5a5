package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported format (RSS 0.90 to 2.0, Atom 0.3 and 1.0, an Atom entry document, JSON Feed 1.0 and 1.1) maps
 * title, link, id, date, authors, summary and content onto the same normalised item model.
 */
class FeedFormatsTest {
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(true));

    record Case(String name, String contentType, String document, String format, String feedTitle, String feedLink,
            Item first) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> formats() {
        return Stream.of(
                new Case("RSS 2.0", "application/rss+xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                             xmlns:dc="http://purl.org/dc/elements/1.1/">
                        <channel><title>World &amp; More</title><link>/</link><description>d</description>
                        <item>
                          <title>NATO &amp; Kursk</title>
                          <link>/world/kursk-1</link>
                          <guid isPermaLink="false"> tag:news.example,2024:1 </guid>
                          <pubDate>Tue, 02 Jan 2024 03:04:05 GMT</pubDate>
                          <description><![CDATA[<p>First <b>para</b> &amp; more.</p><p>Second&nbsp;para</p>]]></description>
                          <content:encoded><![CDATA[<div>Full <i>story</i></div>]]></content:encoded>
                          <dc:creator>Jane Roe</dc:creator>
                          <category>World</category><category>Europe</category><category>World</category>
                        </item></channel></rss>
                        """, "rss_2.0", "World & More", "https://news.example/",
                        new Item("f", "tag:news.example,2024:1", "NATO & Kursk", "https://news.example/world/kursk-1",
                                at("2024-01-02T03:04:05Z"), "First para & more.\nSecond para", "Full story",
                                List.of("Jane Roe"), List.of("World", "Europe"))),
                new Case("RSS 1.0", "application/rdf+xml", """
                        <?xml version="1.0"?>
                        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                                 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                        <channel rdf:about="https://news.example/rdf"><title>RDF News</title>
                          <link>https://news.example/</link><description>x</description>
                          <items><rdf:Seq><rdf:li resource="https://news.example/a"/></rdf:Seq></items></channel>
                        <item rdf:about="https://news.example/a"><title>RDF item</title>
                          <link>HTTPS://News.Example/a?utm_source=rss#top</link>
                          <description>Plain &lt;b&gt;bold&lt;/b&gt; text</description>
                          <dc:date>2024-01-02T03:04:05Z</dc:date><dc:creator>Ann</dc:creator></item>
                        </rdf:RDF>
                        """, "rss_1.0", "RDF News", "https://news.example/",
                        new Item("f", "https://news.example/a", "RDF item", "HTTPS://News.Example/a?utm_source=rss#top",
                                at("2024-01-02T03:04:05Z"), "Plain bold text", "", List.of("Ann"), List.of())),
                new Case("RSS 0.91 with DOCTYPE", "text/xml", """
                        <?xml version="1.0"?>
                        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                          "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                        <rss version="0.91"><channel><title>Old News</title><link>http://old.example/</link>
                        <description>d</description><language>en-us</language>
                        <item><title>Caf&eacute; opens</title><link>http://old.example/cafe</link>
                        <description>Caf&eacute; &amp;amp; bar</description></item></channel></rss>
                        """, "rss_0.91", "Old News", "http://old.example/",
                        new Item("f", "http://old.example/cafe", "Café opens", "http://old.example/cafe",
                                Optional.empty(), "Café & bar", "", List.of(), List.of())),
                new Case("Atom 1.0 with xml:base", "application/atom+xml", """
                        <?xml version="1.0" encoding="utf-8"?>
                        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/en/">
                          <title type="text">Atom &lt;Blog&gt;</title>
                          <link href="./" rel="alternate"/><link href="feed.atom" rel="self"/>
                          <id>urn:uuid:feed</id><updated>2024-01-02T03:04:05Z</updated>
                          <entry xml:base="posts/">
                            <title type="html">Hello &lt;em&gt;world&lt;/em&gt;</title>
                            <link href="hello.html"/>
                            <id>urn:uuid:1</id>
                            <updated>2024-01-03T00:00:00Z</updated>
                            <published>2024-01-02T10:00:00+02:00</published>
                            <author><name>Ann</name></author><author><name>Bob</name></author>
                            <category term="tech"/>
                            <summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary>
                            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Long <b>text</b></p></div></content>
                          </entry>
                        </feed>
                        """, "atom_1.0", "Atom <Blog>", "https://blog.example/en/",
                        new Item("f", "urn:uuid:1", "Hello world", "https://blog.example/en/posts/hello.html",
                                at("2024-01-02T08:00:00Z"), "Short", "Long text", List.of("Ann", "Bob"),
                                List.of("tech"))),
                new Case("JSON Feed 1.1", "application/feed+json", """
                        {"version":"https://jsonfeed.org/version/1.1","title":"JSON News",
                         "home_page_url":"https://json.example/","feed_url":"https://json.example/feed.json",
                         "items":[{"id":"42","url":"/items/42","title":"Json item",
                           "content_html":"<p>Hello <b>there</b></p><p>Again</p>",
                           "date_published":"2024-01-02T03:04:05-05:00","authors":[{"name":"Bo"}],
                           "tags":["a","b"]}]}
                        """, "json_1.1", "JSON News", "https://json.example/",
                        new Item("f", "42", "Json item", "https://json.example/items/42",
                                at("2024-01-02T08:04:05Z"), "", "Hello there\nAgain", List.of("Bo"),
                                List.of("a", "b"))),
                new Case("JSON Feed 1.0, date in RFC 822", "application/json", """
                        {"version":"https://jsonfeed.org/version/1","title":"Old JSON",
                         "items":[{"id":"7","url":"https://json.example/7","title":"Seven",
                           "content_text":"Plain text","summary":"Short",
                           "date_published":"mer, 16 nov 2022 00:38:15 +0100","author":{"name":"Al"}}]}
                        """, "json_1.0", "Old JSON", "",
                        new Item("f", "7", "Seven", "https://json.example/7", at("2022-11-15T23:38:15Z"), "Short",
                                "Plain text", List.of("Al"), List.of())),
                new Case("RSS 0.90", "application/rdf+xml", """
                        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                                 xmlns="http://my.netscape.com/rdf/simple/0.9/">
                        <channel><title>Ninety</title><link>http://ninety.example/</link>
                          <description>d</description></channel>
                        <item><title>Old item</title><link>http://ninety.example/1</link></item>
                        </rdf:RDF>
                        """, "rss_0.90", "Ninety", "http://ninety.example/",
                        new Item("f", "http://ninety.example/1", "Old item", "http://ninety.example/1",
                                Optional.empty(), "", "", List.of(), List.of())),
                new Case("RSS 0.92 with an RFC 3339 date", "application/rss+xml", """
                        <rss version="0.92"><channel><title>Ninety-two</title><link>http://n92.example/</link>
                        <description>d</description>
                        <item><title>Item</title><link>/a</link><description>Text &amp;amp; more</description>
                          <pubDate>2022-11-16T00:38:15+01:00</pubDate></item></channel></rss>
                        """, "rss_0.92", "Ninety-two", "http://n92.example/",
                        new Item("f", "https://news.example/a", "Item", "https://news.example/a",
                                at("2022-11-15T23:38:15Z"), "Text & more", "", List.of(), List.of())),
                new Case("Atom 0.3", "application/atom+xml", """
                        <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Point three</title>
                          <link rel="alternate" type="text/html" href="http://atom03.example/"/>
                          <modified>2004-01-01T00:00:00Z</modified>
                          <entry><title>Entry</title><link rel="alternate" type="text/html" href="/e/1"/>
                            <id>tag:atom03.example,2004:1</id><author><name>Zed</name></author>
                            <modified>2004-01-02T00:00:00Z</modified><issued>2004-01-01T12:00:00Z</issued>
                            <summary>Sum</summary>
                            <content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry>
                        </feed>
                        """, "atom_0.3", "Point three", "http://atom03.example/",
                        new Item("f", "tag:atom03.example,2004:1", "Entry", "https://news.example/e/1",
                                at("2004-01-01T12:00:00Z"), "Sum", "Body", List.of("Zed"), List.of())),
                new Case("Atom 1.0 entry document (RFC 5023 example)", "application/atom+xml;type=entry", """
                        <?xml version="1.0"?>
                        <entry xmlns="http://www.w3.org/2005/Atom">
                          <title>Atom-Powered Robots Run Amok</title>
                          <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                          <updated>2003-12-13T18:30:02Z</updated>
                          <author><name>John Doe</name></author>
                          <content>Some text.</content>
                          <link rel="edit" href="http://example.org/edit/first-post.atom"/>
                        </entry>
                        """, "atom_1.0", "", "",
                        new Item("f", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "Atom-Powered Robots Run Amok",
                                "", at("2003-12-13T18:30:02Z"), "", "Some text.", List.of("John Doe"), List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void mapsEveryFormatOntoTheItemModel(Case c) throws Exception {
        ParsedFeed feed = reader.parse("f", c.document().getBytes(StandardCharsets.UTF_8),
                Optional.of(c.contentType()), URI.create("https://news.example/feeds/world.xml"));

        assertThat(feed.format()).isEqualTo(c.format());
        assertThat(feed.title()).isEqualTo(c.feedTitle());
        assertThat(feed.link()).isEqualTo(c.feedLink());
        assertThat(feed.items()).hasSize(1);
        assertThat(feed.items().get(0)).isEqualTo(c.first());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void detectsTheFormatWithoutAContentType(Case c) throws Exception {
        ParsedFeed feed = reader.parse("f", c.document().getBytes(StandardCharsets.UTF_8), Optional.empty(),
                URI.create("https://news.example/feeds/world.xml"));

        assertThat(feed.format()).isEqualTo(c.format());
        assertThat(feed.items().get(0).id()).isEqualTo(c.first().id());
    }

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }
}
