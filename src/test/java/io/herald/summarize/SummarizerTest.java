package io.herald.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SummarizerTest {

    private static final String ARTICLE = """
            world news

            Ministers agree on a new climate plan

            Ministers from 40 countries agreed on Monday to cut emissions by 2030. The plan, backed by the U.S. and \
            the E.U., sets a target of 3.5 percent a year. Critics said it was not enough.

            Dr. Jane Smith, a climate scientist, said the deal was "a first step." Talks resume in Jan. 2025.

            Read more

            Source link
            """;

    private final Summarizer summarizer = new Summarizer();

    @ParameterizedTest(name = "{0} chars")
    @CsvSource(delimiterString = "=>", value = {
            "1000 => Ministers from 40 countries agreed on Monday to cut emissions by 2030. The plan, backed by the U.S. and the E.U., sets a target of 3.5 percent a year. Critics said it was not enough. Dr. Jane Smith, a climate scientist, said the deal was \"a first step.\" Talks resume in Jan. 2025.",
            "200  => Ministers from 40 countries agreed on Monday to cut emissions by 2030. The plan, backed by the U.S. and the E.U., sets a target of 3.5 percent a year. Critics said it was not enough.",
            "150  => Ministers from 40 countries agreed on Monday to cut emissions by 2030. The plan, backed by the U.S. and the E.U., sets a target of 3.5 percent a year.",
            "80   => Ministers from 40 countries agreed on Monday to cut emissions by 2030.",
            "40   => Ministers from 40 countries agreed on…",
            "12   => Ministers…",
            "1    => …",
            "0    => ''"})
    void takesLeadSentencesThatFit(int maxChars, String expected) {
        assertThat(summarizer.summarize(ARTICLE, maxChars)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", value = {
            "'Body sentence one.\n\nRead more\n\nSource link' => Body sentence one.",
            "'Body sentence one. Continue reading…' => Body sentence one.",
            "'Body sentence one.\nContinue reading →' => Body sentence one.",
            "'Body sentence one.\n\nThe post Big news appeared first on Example Daily.' => Body sentence one.",
            "'Body sentence one. The post Big news appeared first on Example Daily.' => Body sentence one.",
            "'Photo: Reuters\nBody sentence one.' => Body sentence one.",
            "'Body sentence one (Image: Getty Images) continues.' => Body sentence one continues.",
            "'Body sentence one.\n\nShare this\n\nAdvertisement' => Body sentence one.",
            "'Body sentence one […]' => Body sentence one",
            "'I want to read more. Books are good.' => I want to read more. Books are good.",
            "'economy\n\nRelated headline here\n\nBody sentence one.' => Body sentence one.",
            "'Only a headline without a full stop' => Only a headline without a full stop",
            "'A  wrapped\nline of text.   Next\u00A0one.' => A wrapped line of text. Next one."})
    void dropsBoilerplateAndHeadlines(String text, String expected) {
        assertThat(summarizer.summarize(text, 500)).isEqualTo(expected);
    }

    @Test
    void doesNotRepeatTheTitle() {
        String text = "Ministers agree on a new climate plan.\n\nMinisters from 40 countries agreed on Monday.";
        assertThat(summarizer.summarize("Ministers agree on a new climate plan", text, 200))
                .isEqualTo("Ministers from 40 countries agreed on Monday.");
        assertThat(summarizer.summarize("MINISTERS AGREE ON A NEW CLIMATE PLAN!", "Ministers agree on a new "
                + "climate plan? Yes. Ministers agreed.", 200)).isEqualTo("Yes. Ministers agreed.");
        assertThat(summarizer.summarize("Other title", text, 200))
                .isEqualTo("Ministers agree on a new climate plan. Ministers from 40 countries agreed on Monday.");
        assertThat(summarizer.summarize(text, 200)).startsWith("Ministers agree on a new climate plan.");
    }

    @Test
    void aWordLongerThanTheBudgetIsCutHard() {
        assertThat(summarizer.summarize("Supercalifragilisticexpialidocious is long.", 10)).isEqualTo("Supercali…");
    }

    @Test
    void cutsBeforeTrailingPunctuation() {
        assertThat(summarizer.summarize("Alpha, beta, gamma, delta and more words here.", 20))
                .isEqualTo("Alpha, beta, gamma…");
    }

    @ParameterizedTest(name = "budget {0}")
    @ValueSource(ints = {0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610})
    void neverExceedsTheBudget(int maxChars) {
        String text = ARTICLE + "\n\n" + "Emoji 😀😀😀 everywhere 🇺🇦 and long words ".repeat(30) + ".";
        assertThat(summarizer.summarize(text, maxChars)).hasSizeLessThanOrEqualTo(maxChars);
        assertThat(summarizer.summarize("😀".repeat(400), maxChars)).hasSizeLessThanOrEqualTo(maxChars)
                .doesNotContain("\uFFFD");
    }

    @Test
    void emptyTextGivesAnEmptySummary() {
        assertThat(summarizer.summarize("", 100)).isEmpty();
        assertThat(summarizer.summarize("Title", "\n\nSource link\n", 100)).isEmpty();
    }

    @Test
    void refusesANegativeBudget() {
        assertThatThrownBy(() -> summarizer.summarize("text", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
