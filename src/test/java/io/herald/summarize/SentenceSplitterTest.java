package io.herald.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", value = {
            "Plain. Simple sentences! Are they? Yes.   => Plain. | Simple sentences! | Are they? | Yes.",
            "He went to the U.S. in 2020. He liked it. => He went to the U.S. in 2020. | He liked it.",
            "She moved to the U.S. The weather was better. => She moved to the U.S. | The weather was better.",
            "Mr. Smith met Dr. Jones at 10 a.m. on Tuesday. => Mr. Smith met Dr. Jones at 10 a.m. on Tuesday.",
            "The rate rose to 3.5 percent. Analysts were surprised. => The rate rose to 3.5 percent. | Analysts were surprised.",
            "J. R. R. Tolkien wrote books. He died in 1973. => J. R. R. Tolkien wrote books. | He died in 1973.",
            "Prices fell on Jan. 5 after a warning. Markets recovered. => Prices fell on Jan. 5 after a warning. | Markets recovered.",
            "It closed in Dec. 2023. Prices fell in Jan. Traders left. => It closed in Dec. 2023. | Prices fell in Jan. | Traders left.",
            "Use tools, e.g. Maven or Gradle. They help. => Use tools, e.g. Maven or Gradle. | They help.",
            "A film, i.e. The Thing, was shown. => A film, i.e. The Thing, was shown.",
            "He said, \"We will win.\" Then he left. => He said, \"We will win.\" | Then he left.",
            "“Is this real?” she asked. “Yes.” => “Is this real?” she asked. | “Yes.”",
            "Wait... what happened? Nobody knows… Really. => Wait... what happened? | Nobody knows… | Really.",
            "No. 10 Downing Street spoke. It was brief. => No. 10 Downing Street spoke. | It was brief.",
            "The deal was worth $1.2bn. It closed. => The deal was worth $1.2bn. | It closed.",
            "Shares of Acme Inc. rose 5%. The company smiled. => Shares of Acme Inc. rose 5%. | The company smiled.",
            "Acme Corp. The maker of anvils, failed. => Acme Corp. | The maker of anvils, failed.",
            "The U.K. and the U.N. agreed. Talks go on. => The U.K. and the U.N. agreed. | Talks go on.",
            "Visit example.com for details. Thanks! => Visit example.com for details. | Thanks!",
            "What?! No way. => What?! | No way.",
            "He said (quietly.) Then nothing. => He said (quietly.) | Then nothing.",
            "It was “very serious.” . The official left. . Next one. => It was “very serious.” | The official left. | Next one.",
            "東京は晴れです。大阪は雨です。 => 東京は晴れです。 | 大阪は雨です。",
            "Version 2.0 is out. Get it. => Version 2.0 is out. | Get it.",
            "No final mark here => No final mark here"})
    void splitsSentences(String text, String expected) {
        assertThat(String.join(" | ", splitter.split(text))).isEqualTo(expected);
    }

    @Test
    void blankLinesAlwaysEndASentence() {
        assertThat(splitter.split("Headline without a mark\n\nBody starts here. It goes on."))
                .containsExactly("Headline without a mark", "Body starts here.", "It goes on.");
    }

    @Test
    void aLineContinuedInLowerCaseIsTheSameSentence() {
        assertThat(splitter.split("The text was wrapped\nat seventy columns. Second\nOne here."))
                .containsExactly("The text was wrapped at seventy columns.", "Second", "One here.");
    }

    @Test
    void collapsesWhitespaceAndIgnoresBlankText() {
        assertThat(splitter.split("  Many \t spaces\u00A0here.  ")).containsExactly("Many spaces here.");
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\n . ")).isEmpty();
    }

    @Test
    void keepsEveryWordOfTheText() {
        String text = "Dr. No met Mr. Big in the U.S. on Jan. 3. He said \"hi.\" She left... Fine! OK? Done.";
        List<String> sentences = splitter.split(text);
        assertThat(String.join(" ", sentences)).isEqualTo(text);
    }
}
