package io.herald.deliver.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextFormatterTest {

    static final PlainTextFormatter FORMATTER = new PlainTextFormatter(
            Clock.fixed(Instant.parse("2024-11-04T12:40:00Z"), ZoneOffset.UTC));

    static Alert alert(String title, String link, Optional<Instant> published, String feed, String query,
            String summary) {
        Item item = new Item("world", "guid-1", title, link, published, "", "", List.of(), List.of());
        return new Alert(42, Destination.CONSOLE, item, feed, query, summary);
    }

    @Test
    void laysOutEveryPartOnItsOwnLine() {
        Alert alert = alert("NATO confirms North Korean troops in Kursk", "https://news.example.org/a?b=1&c=2",
                Optional.of(Instant.parse("2024-11-04T12:30:59Z")), "World News", "\"north korea\" OR kursk",
                "North Korean troops were deployed in the Kursk region.");

        assertThat(FORMATTER.format(alert)).isEqualTo("""
                NATO confirms North Korean troops in Kursk
                World News · 9 min ago · 2024-11-04 12:30 UTC
                North Korean troops were deployed in the Kursk region.
                Matched: "north korea" OR kursk
                https://news.example.org/a?b=1&c=2
                ------------------------------------------------------------
                """);
    }

    @Test
    void leavesOutEmptyParts() {
        Alert alert = alert("", "", Optional.empty(), "", "", "");
        assertThat(FORMATTER.format(alert)).isEqualTo("(untitled)\n" + PlainTextFormatter.SEPARATOR + "\n");
    }

    @Test
    void namesTheDestinationWhenItIsNotTheConsole() {
        Alert console = alert("T", "https://e.org", Optional.empty(), "F", "q", "s");
        Alert slack = new Alert(1, Destination.slack("C0123"), console.item(), "F", "q", "s");
        assertThat(FORMATTER.format(slack)).contains("\nTo: slack:C0123\n");
        assertThat(FORMATTER.format(console)).doesNotContain("To:");
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiterString = "=>", value = {
            "'Two\nlines\ttitle'   => Two lines title      => line breaks in titles",
            "'Red \u001b[31mtext'  => Red [31mtext         => terminal escapes",
            "'a\u202Eb\u0007c'     => abc                  => bidi override and bell",
            "'Zürich 🇨🇭 東京'      => Zürich 🇨🇭 東京       => unicode kept"})
    void titlesBecomeOneCleanLine(String title, String expected, String what) {
        String first = FORMATTER.format(alert(title, "", Optional.empty(), "", "", "")).lines()
                .findFirst().orElseThrow();
        assertThat(first).isEqualTo(expected);
    }

    @Test
    void summaryBecomesOneLineOfSentences() {
        String text = FORMATTER.format(alert("T", "", Optional.empty(), "", "",
                "First  paragraph.\n\n\nSecond\u0000 one.  "));
        assertThat(text).isEqualTo("T\nFirst paragraph. Second one.\n" + PlainTextFormatter.SEPARATOR + "\n");
    }
}
