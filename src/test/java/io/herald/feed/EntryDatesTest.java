package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tue, 10 Jun 2003 04:00:00 GMT|2003-06-10T04:00:00Z",
            "Tue, 10 Jun 2003 04:00:00 +0200|2003-06-10T02:00:00Z",
            "  Tue, 10 Jun 2003 04:00:00 -0500 |2003-06-10T09:00:00Z",
            "2003-06-10T04:00:00Z|2003-06-10T04:00:00Z",
            "2003-06-10T04:00:00+01:30|2003-06-10T02:30:00Z",
            "Sun, 1 Jun 2003 04:00:00 GMT|2003-06-01T04:00:00Z"})
    void readsTheCommonFormsAsTheLenientParserDoes(String raw, String expected) {
        assertThat(EntryDates.parse(raw)).contains(Instant.parse(expected));
        assertThat(FeedDates.parse(raw)).contains(Instant.parse(expected));
    }

    @Test
    void anAtomEntryIsPublishedWhenItSaysSoInAnyReadableForm() throws FeedException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <entry><id>urn:1</id><title>a</title><updated>2024-05-02T10:00:00Z</updated>
                <published>2024-05-01T09:30:00+02:00</published></entry>
                <entry><id>urn:2</id><title>b</title><updated>2024-05-03T10:00:00Z</updated></entry>
                <entry><id>urn:3</id><title>c</title><updated>2024-05-04T10:00:00.250Z</updated>
                <published>May 4 2024</published></entry></feed>""";
        List<Instant> dates = new FeedParser().document("f", atom.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty()).feed().items().stream().map(i -> i.published().orElseThrow()).toList();
        assertThat(dates).containsExactly(Instant.parse("2024-05-01T07:30:00Z"), Instant.parse("2024-05-03T10:00:00Z"),
                Instant.parse("2024-05-04T00:00:00Z"));
    }

    @Test
    void anRssItemKeepsItsDateAndItsTreeForTheFallbacks() throws FeedException {
        String rss = """
                <rss version="2.0"><channel><title>t</title>
                <item><title>a</title><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><guid>g1</guid></item>
                <item><title>b</title><pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate><guid>g2</guid></item>
                </channel></rss>""";
        List<Instant> dates = new FeedParser().document("f", rss.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty()).feed().items().stream().map(i -> i.published().orElseThrow()).toList();
        assertThat(dates).containsExactly(Instant.parse("2003-06-10T04:00:00Z"), Instant.parse("2003-06-10T09:00:00Z"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2003-06-10T04:00:00.125Z|2003-06-10T04:00:00.125Z",
            "2003-06-10T04:00:00.125+02:00|2003-06-10T02:00:00.125Z"})
    void keepsMilliseconds(String raw, String expected) {
        assertThat(EntryDates.parse(raw)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed, 10 Jun 2003 04:00:00 GMT", "Tue, 10 Jun 2003 24:00:00 GMT",
            "Tue, 10 Jun 2003 04:00 GMT", "10 Jun 2003 04:00:00 GMT", "Tue, 10 Jun 2003 04:00:00 EST",
            "2003-06-10T04:00:00.5Z", "2003-06-10T04:00:00.123456Z", "2003-06-10T04:00:00", "2003-06-10", "2003-02-30T04:00:00Z", ""})
    void leavesEveryOtherFormToTheFullParsers(String raw) {
        assertThat(EntryDates.parse(raw)).isEmpty();
    }
}
