package io.herald.deliver.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.deliver.Digest;
import io.herald.deliver.SendFailure;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telegram refusals become failure kinds the worker acts on; digests and notices fit Telegram's rules. */
class TelegramFailureKindsTest {
    private static final String TOKEN = "7000005:kinds-token";
    private static final long CHAT = 4343;

    private FakeTelegramServer fake;
    private TelegramClients clients;
    private TelegramSender sender;

    @BeforeEach
    void start() {
        fake = FakeTelegramServer.start(TOKEN);
        fake.addChat(CHAT);
        clients = TelegramClients.create(TOKEN, fake.baseUrl());
        sender = new TelegramSender(clients.client());
    }

    @AfterEach
    void stop() {
        clients.close();
        fake.close();
    }

    @ParameterizedTest(name = "{0} {1} => {2}")
    @CsvSource(delimiter = '|', textBlock = """
            403 | Forbidden: bot was blocked by the user                 | RECIPIENT_GONE
            403 | Forbidden: bot was kicked from the group chat           | RECIPIENT_GONE
            403 | Forbidden: user is deactivated                          | RECIPIENT_GONE
            400 | Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0 | BAD_MARKUP
            400 | Bad Request: chat not found                             | PERMANENT
            400 | Bad Request: message is too long                        | PERMANENT
            502 | Bad Gateway                                             | TRANSIENT
            """)
    void classifiesRefusals(int status, String description, SendFailure.Kind kind) {
        fake.failNext(status, description);
        SendFailure failure = catchThrowableOfType(SendFailure.class, () -> sender.send(alert(1, "Title")));
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.getMessage()).contains("alert 1", "chat " + CHAT, description);
    }

    @Test
    void saysWhereAGroupMovedWhenItBecameASupergroup() {
        fake.migrate(CHAT, -1004343);
        SendFailure failure = catchThrowableOfType(SendFailure.class, () -> sender.send(alert(1, "Title")));
        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.CHAT_MIGRATED);
        assertThat(failure.migratedTo()).contains("-1004343");
    }

    @Test
    void sendsADigestOfTwentyLongHostileHeadlinesThatTelegramAccepts() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= Digest.MAX_ALERTS; i++) {
            alerts.add(alert(i, (i == 1 ? "\u202E" : "") + "Headline " + i + " <p>&amp; AT&T</p> "
                    + "😀 words ".repeat(60)));
        }
        sender.sendDigest(new Digest(Destination.telegram(CHAT), "20 new stories <b>", alerts));

        SentMessage digest = fake.messagesTo(CHAT).get(0);
        assertThat(digest.plainText().length()).isLessThanOrEqualTo(4096);
        assertThat(digest.plainText()).startsWith("20 new stories <b>").contains("Headline 1 <p>&amp; AT&T</p>",
                "Headline 20").doesNotContain("\u202E");
        assertThat(digest.linkPreviewDisabled()).isTrue();
    }

    @Test
    void sendsPlainAlertsAndNoticesWithoutMarkup() throws Exception {
        sender.sendPlain(alert(7, "Plain <b>title</b>"));
        sender.sendNotice(Long.toString(CHAT), "Herald: slack:C1 is paused");
        assertThat(fake.messagesTo(CHAT)).allSatisfy(m -> assertThat(m.parseMode()).isEmpty())
                .extracting(SentMessage::plainText)
                .satisfiesExactly(t -> assertThat(t).startsWith("Plain <b>title</b>").contains("https://e.org/7"),
                        t -> assertThat(t).isEqualTo("Herald: slack:C1 is paused"));
    }

    private static Alert alert(long id, String title) {
        Item item = new Item("world", "i" + id, title, "https://e.org/" + id, Optional.empty(), "Summary", "",
                List.of(), List.of());
        return new Alert(id, Destination.telegram(CHAT), item, "World", "q", "Summary");
    }
}
