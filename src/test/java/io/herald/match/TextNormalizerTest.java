package io.herald.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
            "Kursk                        | kursk",
            "North  Korea!                | north korea",
            "Korea's                      | korea s",
            "COVID-19                     | covid 19",
            "Zürich                       | zurich",
            "ÉTÉ                          | ete",
            "Zu\u0308rich (decomposed)    | zurich decomposed",
            "Straße STRASSE ẞ             | strasse strasse ss",
            "ΟΔΟΣ οδός                    | οδοσ οδοσ",
            "ﬁnance ① ½                   | finance 1 1 2",
            "ＦＵＬＬ width ４２             | full width 42",
            "İstanbul                     | istanbul",
            "東京都の知事                  | 東 京 都 の 知 事",
            "カタカナ and ひらがな          | カ タ カ ナ and ひ ら か な",
            "ｶﾀｶﾅ (half width)            | カ タ カ ナ half width",
            "กรุงเทพ มหานคร               | ก ร ง เ ท พ ม ห า น ค ร",
            "abc東京def                   | abc 東 京 def",
            "a_b c.d e/f                  | a b c d e f",
            "'***' -- ...                 | ''",
            "''                           | ''",
            "x2 Ω 𝐀𝐁                      | x2 ω ab",
    })
    void foldsAndSplitsText(String text, String expected) {
        assertThat(String.join(" ", normalizer.words(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello, World  | hello world",
            "A-1 b2C       | a 1 b2c",
            "   x   y      | x y",
    })
    void handlesAsciiWithoutNormalisation(String text, String expected) {
        assertThat(String.join(" ", normalizer.words(text))).isEqualTo(expected);
    }

    @Test
    void treatsNullAsNoWords() {
        assertThat(normalizer.words(null)).isEmpty();
    }

    @Test
    void keepsHangulSyllablesTogetherAsOneWord() {
        assertThat(normalizer.words("Seoul서울 news")).hasSize(2)
                .first().isEqualTo(Normalizer.normalize("seoul서울", Normalizer.Form.NFKD));
    }
}
