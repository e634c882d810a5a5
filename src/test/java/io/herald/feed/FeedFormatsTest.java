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

/** Every supported format maps onto the same normalised item model. */
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
                                List.of("a", "b"))));
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
