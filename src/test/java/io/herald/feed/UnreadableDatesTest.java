package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.herald.model.Item;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A date Herald cannot read costs the item its date, nothing else, and is logged once per feed. */
class UnreadableDatesTest {
    private static final URI BASE = URI.create("https://news.example/feed");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnreadableDates.class);
    private final FeedReader reader = new FeedReader(FetchPolicy.defaults(false));

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
    }

    private ParsedFeed parse(String feedId, String date) throws FeedException {
        String rss = "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>bad</title><guid>1</guid><pubDate>" + date + "</pubDate></item>"
                + "<item><title>good</title><guid>2</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>"
                + "</channel></rss>";
        return reader.parse(feedId, rss.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
    }

    @Test
    void anUnreadableDateIsLoggedOncePerFeedAndTheItemSurvives() throws Exception {
        ParsedFeed first = parse("world", "le jour de la fête");
        parse("world", "le jour de la fête");
        parse("world", "sometime next week");
        parse("sport", "31/31/31");

        assertThat(first.items()).extracting(Item::title).containsExactly("bad", "good");
        assertThat(first.items().get(0).published()).isEmpty();
        assertThat(first.items().get(1).published()).isPresent();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "feed world: cannot read the date \"le jour de la fête\"; items with dates in that form get no date",
                "feed sport: cannot read the date \"31/31/31\"; items with dates in that form get no date");
    }

    @Test
    void aReadableFeedLogsNothing() throws Exception {
        parse("calm", "mer, 16 nov 2022 00:38:15 +0100");

        assertThat(log.list).isEmpty();
    }
}
