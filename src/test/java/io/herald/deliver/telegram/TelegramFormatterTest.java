package io.herald.deliver.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeTelegramServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramFormatterTest {

    private final TelegramFormatter formatter = new TelegramFormatter();

    static Alert alert(String title, String link, String summary, String feed, String query, Instant published) {
        Item item = new Item("world", "id-1", title, link, Optional.ofNullable(published), summary, "", List.of(),
                List.of());
        return new Alert(42, Destination.telegram(4242), item, feed, query, summary);
    }

    @Test
    void laysOutTitleFeedTimeSummaryQueryAndLink() {
        Alert alert = alert("Kursk talks resume", "https://news.example/a?x=1&y=2", "Delegates met. More later.",
                "BBC World", "kursk", Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(formatter.format(alert)).isEqualTo("""
                <b><a href="https://news.example/a?x=1&amp;y=2">Kursk talks resume</a></b>
                BBC World · 2024-01-02 03:04 UTC

                Delegates met. More later.

                <i>Matched: kursk</i>
                https://news.example/a?x=1&amp;y=2""");
    }

    @Test
    void showsTheTimeInUtc() {
        Alert alert = alert("t", "https://e.org", "", "Feed", "q", Instant.parse("2024-06-30T23:59:59Z"));
        assertThat(formatter.format(alert)).contains("Feed · 2024-06-30 23:59 UTC");
    }

    @Test
    void leavesOutMissingPartsWithoutBlankBlocks() {
        Alert alert = alert("Title", "", "", "", "", null);
        assertThat(formatter.format(alert)).isEqualTo("<b>Title</b>");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            AT&T <b>bold</b> 5 > 3 => AT&amp;T &lt;b&gt;bold&lt;/b&gt; 5 &gt; 3
            `"quoted" 'single'` => `"quoted" 'single'`
            *stars* _under_ |pipes| `ticks` => *stars* _under_ |pipes| `ticks`
            &amp; already escaped => &amp;amp; already escaped
            """)
    void escapesTitles(String title, String escaped) {
        String html = formatter.format(alert(title, "https://e.org/", "", "", "", null));
        assertThat(html).contains(">" + escaped + "</a>");
        assertThat(FakeTelegramServer.plainTextOfHtml(html)).startsWith(title);
    }

    @Test
    void escapesQuotesAndAnglesInsideTheHref() {
        String link = "https://e.org/search?q=\"a\"&x=<y>";
        String html = formatter.format(alert("t", link, "", "", "", null));
        assertThat(html).contains("href=\"https://e.org/search?q=&quot;a&quot;&amp;x=&lt;y&gt;\"");
        assertThat(FakeTelegramServer.plainTextOfHtml(html)).endsWith(link);
    }

    @ParameterizedTest
    @CsvSource({"javascript:alert(1)", "ftp://e.org/file", "/relative/path", "e.org/no-scheme", "https://",
            "'https://e.org/with space'"})
    void omitsLinksThatAreNotHttp(String link) {
        String html = formatter.format(alert("Title", link, "", "", "", null));
        assertThat(html).doesNotContain("<a ").doesNotContain(link).startsWith("<b>Title</b>");
    }

    @ParameterizedTest
    @CsvSource(value = {"'', https://e.org/x, https://e.org/x", "'   ', '', (untitled)", "'', ftp://e.org, (untitled)"})
    void replacesAnEmptyTitle(String title, String link, String shown) {
        String plain = FakeTelegramServer.plainTextOfHtml(formatter.format(alert(title, link, "", "", "", null)));
        assertThat(plain).startsWith(shown);
    }

    static Stream<Arguments> longSummaries() {
        String sentences = "This is a sentence about Kursk & Korea. ".repeat(130);
        String words = "word<>& ".repeat(700);
        String noSpaces = "x".repeat(5000);
        String emoji = "😀".repeat(2600);
        return Stream.of(Arguments.of("sentences", sentences, " …"), Arguments.of("words", words, "&…"),
                Arguments.of("no spaces", noSpaces, "x…"), Arguments.of("emoji", emoji, "😀…"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("longSummaries")
    void shortensLongSummariesToFitTelegramsLimit(String name, String summary, String ending) {
        String html = formatter.format(alert("Title", "https://e.org/a", summary, "Feed", "kursk", null));
        String plain = FakeTelegramServer.plainTextOfHtml(html);
        assertThat(plain.length()).isLessThanOrEqualTo(TelegramFormatter.MAX_TEXT).isGreaterThan(3500);
        String shownSummary = plain.split("\n\n")[1];
        assertThat(shownSummary).endsWith(ending);
        assertThat(summary).startsWith(shownSummary.substring(0, shownSummary.length() - ending.length()));
        assertThat(plain).endsWith("Matched: kursk\nhttps://e.org/a");
    }

    @Test
    void keepsTheFooterWhenTitleAndQueryAreHuge() {
        String html = formatter.format(alert("T".repeat(5000), "https://e.org/a", "s ".repeat(3000), "F".repeat(500),
                "q".repeat(1000), null));
        String plain = FakeTelegramServer.plainTextOfHtml(html);
        assertThat(plain.length()).isLessThanOrEqualTo(TelegramFormatter.MAX_TEXT);
        assertThat(plain).endsWith("https://e.org/a");
    }

    @Test
    void dropsControlCharactersAndUnpairedSurrogates() {
        String html = formatter.format(alert("a\u0000b\u0007c\uD800d", "", "x\r\ny", "", "", null));
        assertThat(FakeTelegramServer.plainTextOfHtml(html)).isEqualTo("abcd\n\nx\ny");
    }
}
