package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.LinkPreview;
import io.herald.testsupport.MutableClock;
import io.herald.testsupport.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcChatSettingsStoreTest extends OnBothDatabases {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Destination chat = Destination.telegram(42);

    @Test
    void aChatWithoutSettingsHasTheDefaultsAndSettingsAreKeptPerChat() {
        var store = new JdbcChatSettingsStore(database.open(), clock);
        assertThat(store.get(chat)).isEqualTo(ChatSettings.defaults(chat));

        store.setTimezone(chat, ZoneId.of("Europe/Berlin"));
        ChatSettings daily = store.setDigest(chat, DigestMode.DAILY, LocalTime.of(7, 30));
        store.setDigest(Destination.slack("C0123ABCD"), DigestMode.HOURLY, null);

        assertThat(daily.digest()).isEqualTo(DigestMode.DAILY);
        assertThat(daily.dailyAt()).isEqualTo(LocalTime.of(7, 30));
        assertThat(daily.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(store.withDigests()).extracting(ChatSettings::destination)
                .containsExactly(Destination.slack("C0123ABCD"), chat);
    }

    @Test
    void aChatsLinkPreviewChoiceIsKeptWithItsOtherSettings() {
        var store = new JdbcChatSettingsStore(database.open(), clock);
        assertThat(store.linkPreview(chat)).isEmpty();

        store.setDigest(chat, DigestMode.HOURLY, null);
        store.setLinkPreview(chat, LinkPreview.SMALL);

        assertThat(store.linkPreview(chat)).contains(LinkPreview.SMALL);
        assertThat(store.get(chat).digest()).isEqualTo(DigestMode.HOURLY);
        assertThat(store.linkPreview(Destination.telegram(43))).isEmpty();
    }

    @Test
    void turningDigestsOffReleasesTheChatsHeldAlertsAtOnce() {
        Database db = database.open();
        var store = new JdbcChatSettingsStore(db, clock);
        var outbox = new JdbcOutboxStore(db, clock);
        Item item = StoreTestSupport.item("world", "a", "A");
        new JdbcFeedStore(db, clock).recordPoll(new PollRecord("world", "u", Optional.empty(), Optional.empty(),
                List.of(item), List.of(new PendingAlert(1, StoreTestSupport.alert(chat, item)))));
        store.setDigest(chat, DigestMode.HOURLY, null);
        outbox.holdUntil(chat, clock.instant().plus(Duration.ofHours(1)));
        assertThat(outbox.dueHeads(clock.instant(), 10)).isEmpty();

        store.setDigest(chat, DigestMode.OFF, null);

        assertThat(outbox.dueHeads(clock.instant(), 10)).singleElement()
                .satisfies(head -> assertThat(head.destination()).isEqualTo(chat));
        assertThat(store.withDigests()).isEmpty();
    }
}
