package io.herald.deliver.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackMarkupTest {

    @ParameterizedTest(name = "[{index}] {0} in {1}")
    @CsvSource(delimiterString = "=>", value = {
            "short text            => 100 => short text",
            "one two three four    => 12  => one two…",
            "a & b & c & d         => 12  => a &amp; b…",
            "<<<<<<                => 14  => &lt;&lt;&lt;…",
            "one, two, three       => 11  => one, two…",
            "Supercalifragilistic  => 8   => Superca…",
            "😀😀😀😀               => 6   => 😀😀…"})
    void escapesWithinTheLimitAtWordBoundaries(String text, int max, String expected) {
        String escaped = SlackMarkup.escapeWithin(text, max);
        assertThat(escaped).isEqualTo(expected).hasSizeLessThanOrEqualTo(max);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiterString = "=>", value = {
            "https://e.org/a => Title          => <https://e.org/a|Title>",
            "https://e.org/?a=1&b=2 => A&B     => <https://e.org/?a=1&amp;b=2|A&amp;B>",
            "https://e.org/x y|z>w => a|b>c    => <https://e.org/x%20y%7Cz%3Ew|a¦b&gt;c>"})
    void buildsLinksThatCannotBreakOut(String url, String label, String expected) {
        assertThat(SlackMarkup.link(url, label)).isEqualTo(expected);
    }
}
