package io.herald.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The canonical demo article of the shared corpus: headline lines, body, a trailing "Source link". */
class SummarizerCorpusTest {

    private static final Path ARTICLE = Path.of("..", "shared", "corpus", "articles", "nato-kursk-north-korea.txt");

    @Test
    void summarisesTheNatoKurskArticle() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ARTICLE), ARTICLE + " absent: skipped");
        String text = Files.readString(ARTICLE, StandardCharsets.UTF_8);

        String summary = new Summarizer().summarize(text, 400);

        assertThat(summary).hasSizeLessThanOrEqualTo(400)
                .contains("NATO", "North Korean troops", "Kursk")
                .startsWith("The secretary general of the North Atlantic Treaty Organization")
                .doesNotContain("economy and politics", "Egyptian", "Source link");
    }

    @Test
    void leavesOutTheHeadlineGivenAsTitle() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ARTICLE), ARTICLE + " absent: skipped");
        String text = Files.readString(ARTICLE, StandardCharsets.UTF_8);
        String title = "NATO confirms the deployment of North Korean soldiers in the Russian Kursk region";

        String summary = new Summarizer().summarize(title, text, 250);

        assertThat(summary).hasSizeLessThanOrEqualTo(250).doesNotContain(title).contains("Kursk");
    }

    @Test
    void aNorthKoreaSubscriberLearnsThatNatoConfirmedTheTroopsInKursk() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ARTICLE), ARTICLE + " absent: skipped");
        String text = Files.readString(ARTICLE, StandardCharsets.UTF_8);
        String title = "NATO confirms the deployment of North Korean soldiers in the Russian Kursk region";

        String summary = new Summarizer().summarize(title, text, FocusTerms.of(List.of("\"north korea\"")), 400);

        assertThat(summary).hasSizeLessThanOrEqualTo(400).contains("NATO").containsIgnoringCase("confirm")
                .contains("North Korean troops").contains("deployed").contains("Kursk")
                .doesNotContain("Source link", "Egyptian");
    }
}
