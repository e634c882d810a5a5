package io.herald.deliver.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeSlackBlockValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackFormatterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-04T15:00:00Z"), ZoneOffset.UTC);

    private final SlackFormatter formatter = new SlackFormatter(CLOCK);

    @Test
    void buildsLinkedTitleSummaryAndContext() {
        SlackMessage message = formatter.format(SlackAlerts.normal("C0123"));

        assertThat(message.blocks()).hasSize(3);
        assertThat(sectionText(message.blocks().get(0)))
                .isEqualTo("*<https://news.example.org/world/nato-kursk?ref=rss&amp;lang=en"
                        + "|NATO confirms North Korean troops in Kursk>*\n"
                        + "NATO's secretary general confirmed that North Korean troops were deployed in the *Kursk* "
                        + "region.");
        assertThat(contextText(message.blocks().get(1)))
                .isEqualTo("World News · 2 h ago · 2024-11-04 12:30 UTC · Matched: \"north korea\" OR kursk");
        ActionsBlock actions = (ActionsBlock) message.blocks().get(2);
        assertThat(actions.getElements()).extracting(e -> ((ButtonElement) e).getText().getText())
                .containsExactly("Open article", "Mute this query", "Unsubscribe");
        assertThat(actions.getElements()).extracting(e -> ((ButtonElement) e).getValue())
                .containsExactly(null, "/mute 9", "/unsub 9");
        assertThat(((ButtonElement) actions.getElements().get(0)).getUrl()).isEqualTo(SlackAlerts.LINK);
        assertThat(message.text()).isEqualTo("""
                NATO confirms North Korean troops in Kursk
                World News · 2 h ago · 2024-11-04 12:30 UTC
                NATO's secretary general confirmed that North Korean troops were deployed in the Kursk region.
                Matched: "north korea" OR kursk
                """ + SlackAlerts.LINK.replace("&", "&amp;"));
        assertThat(validate(message)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", value = {
            "Plain title   => https://e.org/a           => *<https://e.org/a|Plain title>*",
            "A & B <c>     => https://e.org/a           => *<https://e.org/a|A &amp; B &lt;c&gt;>*",
            "x | y > z     => https://e.org/a           => *<https://e.org/a|x ¦ y &gt; z>*",
            "Pipes||and >> => https://e.org/a?q=1&r=<2> => *<https://e.org/a?q=1&amp;r=%3C2%3E|Pipes¦¦and &gt;&gt;>*",
            "No link here  => ''                        => *No link here*",
            "''            => https://e.org/a           => *<https://e.org/a|https://e.org/a>*",
            "'  spaced\n  out  ' => https://e.org/a    => *<https://e.org/a|spaced out>*"})
    void escapesTheLinkedTitle(String title, String link, String expected) {
        SlackMessage message = formatter.format(SlackAlerts.alert("C1", title, link, "s"));
        assertThat(sectionText(message.blocks().get(0))).isEqualTo(expected + "\ns");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", value = {
            "a < b && c > d         => a &lt; b &amp;&amp; c &gt; d",
            "*bold* _it_ ~s~ `code` => *bold* _it_ ~s~ `code`",
            "emoji 🎉 ok :tada:      => emoji 🎉 ok :tada:",
            "&amp; stays literal    => &amp;amp; stays literal"})
    void escapesTheSummary(String summary, String expected) {
        SlackMessage message = formatter.format(SlackAlerts.alert("C1", "t", "https://e.org", summary));
        assertThat(sectionText(message.blocks().get(0))).isEqualTo("*<https://e.org|t>*\n" + expected);
    }

    @Test
    void cutsALongSummaryAtAWordBoundaryWithinTheSectionLimit() {
        String summary = "word ".repeat(1000).strip() + " end.";
        String text = sectionText(formatter.format(SlackAlerts.alert("C1", "t", "https://e.org", summary))
                .blocks().get(0));

        assertThat(text).hasSizeLessThanOrEqualTo(3000).endsWith("word…").doesNotContain("end.");
        assertThat(text).hasSizeGreaterThan(2900);
    }

    @Test
    void keepsEscapedSummariesWithinTheLimitEvenWhenEscapingGrowsThem() {
        String summary = "x & < > ".repeat(1000);
        SlackMessage message = formatter.format(SlackAlerts.alert("C1", "t", "https://e.org", summary));
        String text = sectionText(message.blocks().get(0)).substring("*<https://e.org|t>*\n".length());

        assertThat(text).hasSizeLessThanOrEqualTo(3000).endsWith("…").doesNotContain("<", ">");
        assertThat(text.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "")).doesNotContain("&");
        assertThat(validate(message)).isEmpty();
    }

    @Test
    void cutsAVeryLongTitle() {
        String title = "Headline ".repeat(200);
        String headline = sectionText(formatter.format(SlackAlerts.alert("C1", title, "https://e.org", "s"))
                .blocks().get(0));
        assertThat(headline).startsWith("*<https://e.org|Headline Headline").endsWith("Headline…>*\ns");
        assertThat(headline.length()).isLessThan(400);
    }

    @Test
    void leavesOutEmptyPartsAndBlocks() {
        Item item = new Item("world", "id", "Title", "https://e.org", Optional.empty(), "", "", List.of(),
                List.of());
        SlackMessage message = formatter.format(new Alert(7, Destination.slack("C1"), item, "", "", ""));

        assertThat(message.blocks()).hasSize(2);
        assertThat(message.text()).isEqualTo("Title\nhttps://e.org");
        assertThat(validate(message)).isEmpty();
    }

    @Test
    void leavesOutTheMissingPublishedTime() {
        Item item = new Item("world", "id", "Title", "https://e.org", Optional.empty(), "", "", List.of(),
                List.of());
        SlackMessage message = formatter.format(new Alert(7, Destination.slack("C1"), item, "Feed <1>", "kursk",
                "s"));
        assertThat(contextText(message.blocks().get(1))).isEqualTo("Feed &lt;1&gt; · Matched: kursk");
    }

    @Test
    void markupHeavyAlertsStayValidBlockKit() {
        String title = "< & > * _ | ~ ` 🚀 " + "x".repeat(2000);
        String summary = "<b>&nbsp;</b> | > ~ ` 😀 ".repeat(300);
        SlackMessage message = formatter.format(SlackAlerts.alert("C1", title, SlackAlerts.LINK + "|x>y", summary));
        assertThat(validate(message)).isEmpty();
        assertThat(message.text().length()).isLessThanOrEqualTo(3000);
    }

    static List<String> validate(SlackMessage message) {
        try {
            String blocks = GsonFactory.createSnakeCase().toJson(message.blocks());
            JsonNode json = new ObjectMapper().readTree(blocks);
            return FakeSlackBlockValidator.validate(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String sectionText(LayoutBlock block) {
        assertThat(block).isInstanceOf(SectionBlock.class);
        return ((SectionBlock) block).getText().getText();
    }

    private static String contextText(LayoutBlock block) {
        assertThat(block).isInstanceOf(ContextBlock.class);
        return ((MarkdownTextObject) ((ContextBlock) block).getElements().get(0)).getText();
    }
}
