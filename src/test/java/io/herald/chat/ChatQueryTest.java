package io.herald.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.Database;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcSubscriptionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mistakes in a chat query caught early and said in one sentence: an unknown {@code source:} feed, a lowercase
 * operator, an emoji term, a time zone in the wrong case, and a destination the platform says the bot cannot post to.
 */
class ChatQueryTest {
    @TempDir
    Path dir;

    private final Destination chat = Destination.telegram(42);
    private CommandRouter router;
    private JdbcSubscriptionStore store;

    @BeforeEach
    void setUp() {
        Database db = Database.openSqlite(dir.resolve("c.db"));
        store = new JdbcSubscriptionStore(db, Clock.systemUTC());
        router = new CommandRouter(store, 10, m -> false, () -> "", new JdbcChatSettingsStore(db, Clock.systemUTC()))
                .knownFeeds(() -> Set.of("world", "bbc-world"));
    }

    private String say(String text) {
        return router.handle(new IncomingMessage(chat, "7", text)).toString();
    }

    private String saved() {
        return store.ownedBy(chat).stream().map(Subscription::query).reduce((a, b) -> a + " | " + b).orElse("");
    }

    @Test
    void unknownSourceIsRefusedWithTheKnownIds() {
        assertThat(say("/subscribe source:nosuchfeed kursk")).isEqualTo(
                "I don't know the feed 'nosuchfeed'. source: takes one of: bbc-world, world.");
        assertThat(say("/subscribe kursk -source:nosuchfeed")).startsWith("I don't know the feed 'nosuchfeed'.");
        assertThat(store.ownedBy(chat)).isEmpty();
        assertThat(say("/subscribe source:world kursk")).startsWith("Subscribed (#1): source:world kursk");
        assertThat(say("/subscribe \"source:nosuchfeed\" kursk")).as("inside quotes it is text")
                .startsWith("Subscribed (#2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nato or otan|or|nato OR otan",
        "kursk and moscow|and|nato AND otan",
        "kursk not moscow|not|kursk NOT moscow",
        "kursk Or moscow|or|nato OR otan"})
    void lowercaseOperatorIsAWordAndTheReplySaysHowToWriteTheOperator(String query, String word, String example) {
        String reply = say("/subscribe " + query);
        assertThat(reply).startsWith("Subscribed (#1): " + query)
                .contains("Note: \"" + word + "\" is read as a word to look for. To combine terms, write it in"
                        + " capitals, e.g. " + example + ".");
        assertThat(saved()).isEqualTo(query);
    }

    @Test
    void operatorWordsInsideQuotesOrInCapitalsGetNoNote() {
        assertThat(say("/subscribe \"rock and roll\"")).doesNotContain("Note");
        assertThat(say("/subscribe nato OR otan")).doesNotContain("Note");
    }

    @Test
    void aTermWithoutLettersIsDroppedWithANote() {
        assertThat(say("/subscribe wildfire 🔥")).isEqualTo("Subscribed (#1): wildfire\nI'll send you new stories"
                + " that match. /list shows all your subscriptions.\nNote: I left out 🔥 (no letters or digits to match).");
        assertThat(say("/subscribe 🔥 OR flood -🌊 \"🚒\"")).startsWith("Subscribed (#2): flood")
                .contains("Note: I left out 🔥 -🌊 \"🚒\"");
        assertThat(saved()).isEqualTo("wildfire | flood");
        assertThat(say("/subscribe 🔥 🌊")).startsWith("That query has nothing I can match: 🔥 🌊 has no letters");
        assertThat(say("/subscribe nato AND")).contains("position").contains("/help");
        assertThat(store.ownedBy(chat)).hasSize(2);
    }

    @Test
    void timezoneIgnoresCase() {
        assertThat(say("/timezone europe/berlin")).startsWith("Time zone set to Europe/Berlin.");
        assertThat(say("/timezone AMERICA/NEW_YORK")).startsWith("Time zone set to America/New_York.");
        assertThat(say("/timezone utc")).startsWith("Time zone set to UTC.");
        assertThat(say("/timezone mars/olympus")).startsWith("I don't know the time zone 'mars/olympus'");
    }

    @Test
    void aDestinationThePlatformRefusesIsNotSubscribed() {
        router.checkDestinations(d -> d.equals(chat) ? Optional.of(Reply.text("not here")) : Optional.empty());
        assertThat(say("/subscribe kursk")).isEqualTo("not here");
        assertThat(store.ownedBy(chat)).isEmpty();
    }
}
