package io.herald.deliver.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramTextTest {

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            short text                                   | 20 | short text
            One sentence here. Another one follows now.  | 30 | One sentence here. …
            alpha beta gamma delta epsilon               | 20 | alpha beta gamma…
            abcdefghijklmnopqrstuvwxyz                   | 10 | abcdefgh…
            ab😀cd                                       | 5  | ab…
            """)
    void shortensAtSentenceThenWordThenCharacter(String text, int max, String expected) {
        String shortened = TelegramText.shorten(text, max);
        assertThat(shortened).isEqualTo(expected);
        assertThat(shortened.length()).isLessThanOrEqualTo(max);
    }

    @Test
    void splitsLongTextAtLineEndsIntoPartsWithinTheLimit() {
        String line = "x".repeat(99) + "\n";
        List<String> parts = TelegramText.split(line.repeat(100), 4096);
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("\n", parts)).isEqualTo(line.repeat(100).strip());
    }

    @Test
    void splitsTextWithoutBreaksBetweenCharacters() {
        List<String> parts = TelegramText.split("y".repeat(9000), 4096);
        assertThat(parts).extracting(String::length).containsExactly(4096, 4096, 808);
    }

    @Test
    void splitsNothingOutOfBlankText() {
        assertThat(TelegramText.split("  \n ", 4096)).isEmpty();
    }
}
