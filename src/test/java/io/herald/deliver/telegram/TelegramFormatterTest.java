package io.herald.deliver.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeTelegramServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramFormatterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T03:09:05Z"), ZoneOffset.UTC);

    private final TelegramFormatter formatter = new TelegramFormatter(CLOCK);

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
                BBC World · 5 min ago · 2024-01-02 03:04 UTC

                Delegates met. More later.

                Matched: <i>kursk</i>
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
        String words = "word<>& ".repeat(700);
        String noSpaces = "x".repeat(5000);
        String emoji = "😀x".repeat(2600);
        return Stream.of(Arguments.of("words", words, "&…"), Arguments.of("no spaces", noSpaces, "x…"),
                Arguments.of("emoji", emoji, "…"));
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
        assertThat(FakeTelegramServer.plainTextOfHtml(html)).isEqualTo("abcd\n\nx y");
    }

    @Test
    void showsAtMostThreeSummarySentences() {
        String summary = "One is here. Two is here. Three is here. Four is here.";
        String plain = FakeTelegramServer.plainTextOfHtml(formatter.format(alert("T", "", summary, "", "", null)));
        assertThat(plain).isEqualTo("T\n\nOne is here. Two is here. Three is here.");
    }

    @Test
    void leavesOutWholeSentencesThatDoNotFit() {
        String summary = "Short one about Kursk & Korea. " + "Long ".repeat(900) + "end.";
        String html = formatter.format(withTerms(alert("T", "https://e.org/a", summary, "F", "kursk", null),
                List.of("kursk")));
        String plain = FakeTelegramServer.plainTextOfHtml(html);
        assertThat(plain).isEqualTo("T\nF\n\nShort one about Kursk & Korea.\n\nMatched: kursk\nhttps://e.org/a");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiterString = " => ", value = {
            "Troops from North Korea reached Kursk. => Troops from <b>North Korea</b> reached <b>Kursk</b>.",
            "NORTH  KOREA & Kursk's <front>. => <b>NORTH KOREA</b> &amp; <b>Kursk</b>'s &lt;front&gt;.",
            "Koreans in kurskaya oblast. => Koreans in kurskaya oblast."})
    void boldsTheMatchedTermsInTheSummary(String summary, String html) {
        Alert alert = withTerms(alert("T", "", summary, "", "", null), List.of("\"north korea\"", "kursk"));
        String formatted = formatter.format(alert);
        assertThat(formatted).isEqualTo("<b>T</b>\n\n" + html);
        FakeTelegramServer.plainTextOfHtml(formatted);
    }

    @Test
    void prefixTermsBoldWholeWords() {
        Alert alert = withTerms(alert("T", "", "Koreans and Korea met.", "", "", null), List.of("title:korea*"));
        assertThat(formatter.format(alert)).endsWith("<b>Koreans</b> and <b>Korea</b> met.");
    }

    @ParameterizedTest
    @CsvSource({"2024-01-02T03:09:00Z, just now", "2024-01-02T01:09:05Z, 2 h ago", "2024-01-01T01:00:00Z, yesterday",
            "2023-12-29T03:09:05Z, 4 days ago", "2023-12-20T03:09:05Z, ''", "2024-02-01T00:00:00Z, ''"})
    void showsHowLongAgoAndTheUtcTime(Instant published, String relative) {
        String html = formatter.format(alert("t", "", "", "Feed", "", published));
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC).format(published);
        assertThat(html).endsWith("\nFeed · " + (relative.isEmpty() ? "" : relative + " · ") + utc);
    }

    @Test
    void offersMuteAndUnsubscribeButtonsForTheSubscription() {
        Alert plain = alert("T", "", "", "", "", null);
        Alert subscribed = new Alert(1, plain.destination(), plain.item(), "", "q", "", List.of(), 123456789012L);

        assertThat(formatter.buttons(plain)).isEmpty();
        assertThat(formatter.buttons(subscribed)).containsExactly(
                new TelegramFormatter.Button("Mute this query", "/mute 123456789012"),
                new TelegramFormatter.Button("Unsubscribe", "/unsub 123456789012"));
        assertThat(formatter.buttons(new Alert(1, plain.destination(), plain.item(), "", "q", "", List.of(),
                Long.MAX_VALUE))).allSatisfy(b -> assertThat(b.callbackData().getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TelegramFormatter.MAX_CALLBACK_DATA));
    }

    static Alert withTerms(Alert alert, List<String> terms) {
        return new Alert(alert.id(), alert.destination(), alert.item(), alert.feedTitle(), alert.query(),
                alert.summary(), terms, 0);
    }
}
