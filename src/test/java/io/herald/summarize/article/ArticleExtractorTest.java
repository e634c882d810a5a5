package io.herald.summarize.article;

import static io.herald.summarize.article.ArticlePages.P1;
import static io.herald.summarize.article.ArticlePages.P2;
import static io.herald.summarize.article.ArticlePages.P3;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private static final List<String> FURNITURE = List.of("World", "Politics", "Most read", "Markets tumble",
            "Share", "Facebook", "comments", "obvious months ago", "real question", "All rights reserved", "Privacy",
            "Read more", "Image credit", "Getty", "Related", "Kim Jong Un", "appeared first on", "var x", "color: red",
            "Archive of every story", "Weather, traffic", "Home");

    record Page(String name, String html) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Page> storyPages() {
        return Stream.of(new Page("news site with nav, sidebar, share bar, comments", ArticlePages.newsSite()),
                new Page("wordpress with sharedaddy and 'appeared first on'", ArticlePages.wordpress()),
                new Page("short story under a long comment thread", ArticlePages.longThread()),
                new Page("div layout with bare text next to a link column", ArticlePages.tableLayout()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storyPages")
    void keepsTheStoryParagraphsInOrderAndDropsThePageFurniture(Page page) {
        String text = new ArticleExtractor().extract(page.html()).orElseThrow();

        assertThat(text).containsSubsequence(P1, P2, P3);
        for (String furniture : FURNITURE) {
            assertThat(text).as("furniture '%s' in %s", furniture, page).doesNotContain(furniture);
        }
    }

    @Test
    void separatesParagraphsWithABlankLine() {
        String text = new ArticleExtractor().extract(ArticlePages.newsSite()).orElseThrow();

        assertThat(text.split("\n\n")).containsExactly(P1, P2, P3);
    }

    @Test
    void findsNoArticleOnAnIndexPageOfTeasers() {
        assertThat(new ArticleExtractor().extract(ArticlePages.indexPage())).isEmpty();
    }

    @Test
    void findsNoArticleInAnEmptyOrNonHtmlDocument() {
        assertThat(new ArticleExtractor().extract("")).isEmpty();
        assertThat(new ArticleExtractor().extract("{\"error\": \"not found\"}")).isEmpty();
    }

    @Test
    void decodesBytesWithTheCharsetOfTheMetaTagOrTheGivenOne() {
        String story = "Le président a rappelé que la coopération, déjà ancienne, reste essentielle pour l'Europe,"
                + " selon un communiqué publié à Bruxelles. " + P1 + " " + P2;
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>" + story
                + "</p></article></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1252"));

        assertThat(new ArticleExtractor().extract(bytes, Optional.empty())).contains(story);
        assertThat(new ArticleExtractor().extract(bytes, Optional.of("windows-1252"))).contains(story);
        assertThat(new ArticleExtractor().extract(bytes, Optional.of("no-such-charset"))).contains(story);
    }
}
