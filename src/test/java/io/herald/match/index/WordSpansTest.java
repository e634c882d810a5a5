package io.herald.match.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.match.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WordSpansTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "North Korea's test|north,korea,s,test|0-5,6-11,12-13,14-18",
        "Zürich été|zurich,ete|0-6,7-10",
        "Ze\u0301bu!|zebu|0-5",
        "Straße|strasse|0-6",
        "東京 tower|東,京,tower|0-1,1-2,3-8",
        "½ ﬁne|1,2,fine|0-1,0-1,2-5",
        "COVID-19|covid,19|0-5,6-8",
    })
    void givesEachWordTheSpanOfTheTextItCameFrom(String text, String words, String spans) {
        WordSpans result = WordSpans.of(text);
        assertThat(result.words()).containsExactly(words.split(","));
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < result.words().size(); i++) {
            actual.add(result.start(i) + "-" + result.end(i));
        }
        assertThat(actual).containsExactly(spans.split(","));
    }

    @Test
    void cutsEveryCodePointAsTheNormalizerDoes() {
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                continue;
            }
            String text = "x" + new String(Character.toChars(cp)) + "y " + new String(Character.toChars(cp));
            assertThat(WordSpans.of(text).words()).as("U+%04X", cp).isEqualTo(NORMALIZER.words(text));
        }
    }

    @Test
    void cutsRandomMixedTextAsTheNormalizerDoes() {
        String alphabet = "aZé\u0301\u0308ßẞςΣ東京カタ1١ ,-'\u00A0ﬁ½Ⅻ가각ǅǆİı\uD835\uDC00";
        Random random = new Random(99);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                text.append(Character.isHighSurrogate(c) ? alphabet.substring(at, at + 2)
                        : Character.isLowSurrogate(c) ? "q" : String.valueOf(c));
            }
            String input = text.toString();
            WordSpans spans = WordSpans.of(input);
            assertThat(spans.words()).as(input).isEqualTo(NORMALIZER.words(input));
            for (int i = 0; i < spans.words().size(); i++) {
                String covered = input.substring(spans.start(i), spans.end(i));
                assertThat(String.join("", NORMALIZER.words(covered))).as("%s word %d", input, i)
                        .contains(spans.words().get(i));
            }
        }
    }
}
