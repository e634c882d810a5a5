package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeTelegramHtmlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain text                                                   | plain text
            <b>bold</b> and <i>italic</i>                                | bold and italic
            <b><i>nested <u>three</u></i></b>                            | nested three
            <strong>s</strong><em>e</em><ins>i</ins><s>x</s><strike>y</strike><del>z</del> | seixyz
            <b><a href="https://e.org/?a=1&amp;b=2">link</a></b>          | link
            <a href='https://e.org'>single quotes</a>                     | single quotes
            a &lt;tag&gt; &amp; &quot;quote&quot;                         | a <tag> & "quote"
            numeric &#60; &#x3E; &#128512;                                | numeric < > 😀
            <pre><code class="language-java">x</code></pre>               | x
            <tg-spoiler>s</tg-spoiler><span class="tg-spoiler">t</span>  | st
            <blockquote expandable>quoted</blockquote>                    | quoted
            <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>        | 👍
            <B>upper case tag</B>                                         | upper case tag
            """)
    void acceptsTelegramHtml(String html, String plain) throws Exception {
        assertThat(FakeTelegramHtml.toPlainText(html)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <p>paragraph</p>                     | Unsupported start tag "p"
            line<br>break                        | Unsupported start tag "br"
            <div>x</div>                         | Unsupported start tag "div"
            <b>unclosed                          | Can't find end tag corresponding to start tag "b"
            <b><i>crossed</b></i>                | Unmatched end tag
            stray</b>                            | Unexpected end tag
            fish & chips                         | Can't find end of the entity
            caf&eacute;                          | Unsupported HTML entity "&eacute;"
            &nbsp;                               | Unsupported HTML entity
            5 > 3                                | Unexpected character '>'
            1 < 2                                | Unclosed start tag at byte offset 2
            <a>no href</a>                       | must have attribute "href"
            <span>no class</span>                | must have class "tg-spoiler"
            <a href="x"><a href="y">n</a></a>    | Nested links
            <code><b>x</b></code>                | can't be nested inside pre or code
            <b                                   | Unclosed start tag
            &#xD800;                             | Invalid numeric entity
            """)
    void refusesWhatTelegramRefuses(String html, String reason) {
        assertThatThrownBy(() -> FakeTelegramHtml.toPlainText(html))
                .isInstanceOf(FakeTelegramHtml.ParseError.class)
                .hasMessageContaining(reason);
    }
}
