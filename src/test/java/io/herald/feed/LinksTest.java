package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://Example.ORG/News/A?b=1#top                    | https://example.org/News/A?b=1
            http://example.org:80/a                               | http://example.org/a
            https://example.org:443/a                             | https://example.org/a
            https://example.org:8443/a                            | https://example.org:8443/a
            https://example.org/a?utm_source=x&id=7&utm_medium=y  | https://example.org/a?id=7
            https://example.org/a?fbclid=abc                      | https://example.org/a
            https://example.org/a?gclid=1&q=nato                  | https://example.org/a?q=nato
            https://example.org                                   | https://example.org/
            """)
    void canonicalLinksDropTrackingAndDefaults(String link, String canonical) {
        assertThat(Links.canonical(link)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} against {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            /a/b.html               | https://example.org/feed.xml       | https://example.org/a/b.html
            b.html                  | https://example.org/dir/feed.xml   | https://example.org/dir/b.html
            ../up.html              | https://example.org/dir/sub/f.xml  | https://example.org/dir/up.html
            https://other.org/x     | https://example.org/feed.xml       | https://other.org/x
            /a b.html               | https://example.org/feed.xml       | https://example.org/a%20b.html
            javascript:alert(1)     | https://example.org/feed.xml       | ''
            /relative               | NONE                               | /relative
            記事1のURL               | NONE                               | 記事1のURL
            /blog/2003/a            | file:///home/me/feed.xml           | /blog/2003/a
            file:///etc/passwd      | NONE                               | ''
            file:///etc/passwd      | https://example.org/feed.xml       | ''
            mailto:a@example.org    | https://example.org/feed.xml       | ''
            """)
    void absoluteLinksResolveAgainstTheBase(String href, String base, String expected) {
        assertThat(Links.absolute(href, Optional.ofNullable(base).map(URI::create))).isEqualTo(expected);
    }
}
