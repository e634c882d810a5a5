package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextFastPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain words", "  spaced \t out\n\nlines ", "Caf&eacute; &amp; bar", "&lt;b&gt;bold&lt;/b&gt;",
            "AT&T", "a &copy b", "&nbsp;&nbsp;x&nbsp;", "&#233;&#x41;&#10;y", "&unknown; &", "&amp;lt;",
            "tab&#9;x", "cr\r\nlf", "dots&hellip;", "&#0; &#xD800;", "â€™ quote &amp; Ã©", "\u0093smart\u0094",
            "&euro;5", "x\u00a0\u200by", "&AMP &LT", "&notin; &not;in &noti"})
    void textWithoutTagsReadsAsTheFullHtmlParseDoes(String input) {
        assertThat(PlainText.text(input)).isEqualTo(PlainText.markup(input));
    }
}
