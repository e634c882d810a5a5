package io.herald.deliver.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.deliver.SendFailure;
import io.herald.deliver.AlertLayout;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeTelegramRateLimits;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sender through the real library client against the strict fake Bot API. */
class TelegramSenderTest {

    private static final String TOKEN = "7000001:sender-test-token";
    private static final long CHAT = 4242;

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

    private static Alert alert(long id, long chat, String title, String link, String summary) {
        Item item = new Item("world", "i" + id, title, link, Optional.of(Instant.parse("2024-01-02T03:04:05Z")),
                summary, "", List.of(), List.of());
        return new Alert(id, Destination.telegram(chat), item, "BBC World", "kursk OR \"north korea\"", summary);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            AT&T <b>not a tag</b> 5 > 3 & <script> => x < y && y > z; <br> <p>para</p>
            *stars* _under_ |pipes| [md](link) `tick` => ~strike~ **bold** __it__ ||spoiler||
            `"double" and 'single' quotes` => `She said "no" & left <quietly>`
            Emoji 🚀🔥👍🏽 and flags 🇺🇦 => 👨‍👩‍👧 family & 😀 < 😎
            خبر عاجل: الأسواق &lt; تنهار => עברית <RTL> ומספרים 123 & עוד
            &amp; &lt; looks escaped &#39; &nbsp; => &eacute; &copy; &#x41; raw entities
            """)
    void sendsHostileTextThatTelegramAccepts(String title, String summary) throws Exception {
        String link = "https://news.example/a?b=1&c=\"2\"";
        sender.send(alert(1, CHAT, title, link, summary));

        SentMessage sent = fake.messagesTo(CHAT).get(0);
        assertThat(sent.parseMode()).contains("HTML");
        assertThat(sent.linkPreviewDisabled()).isFalse();
        assertThat(sent.plainText()).startsWith(title).contains(summary).contains("BBC World · 2024-01-02 03:04 UTC")
                .contains("Matched: kursk OR \"north korea\"").endsWith(link);
    }

    @Test
    void shortensAFiveThousandCharacterSummaryToFit() throws Exception {
        String summary = "Sentence with <tags> & ampersands, quotes \"here\" and emoji 😀. ".repeat(80);
        assertThat(summary.length()).isGreaterThan(5000);
        sender.send(alert(2, CHAT, "Title & <more>", "https://e.org/x", summary));

        SentMessage sent = fake.messagesTo(CHAT).get(0);
        assertThat(sent.plainText().length()).isLessThanOrEqualTo(4096);
        assertThat(sent.plainText()).startsWith("Title & <more>").endsWith("https://e.org/x");
        assertThat(sent.plainText().split("Sentence with", -1)).hasSize(1 + AlertLayout.MAX_SENTENCES);
    }

    @Test
    void sendsMuteAndUnsubscribeButtonsAndTheArticlePreview() throws Exception {
        Alert plain = alert(3, CHAT, "Kursk news", "https://e.org/kursk", "Troops reached Kursk.");
        sender.send(new Alert(3, plain.destination(), plain.item(), "BBC World", "kursk", plain.summary(),
                List.of("kursk"), 77));

        SentMessage sent = fake.messagesTo(CHAT).get(0);
        assertThat(sent.text()).contains("Troops reached <b>Kursk</b>.");
        assertThat(sent.linkPreviewDisabled()).isFalse();
        assertThat(sent.inlineKeyboard()).hasSize(1);
        assertThat(sent.inlineKeyboard().get(0)).extracting(b -> b.text() + "=" + b.callbackData().orElseThrow())
                .containsExactly("Mute this query=/mute 77", "Unsubscribe=/unsub 77");
    }

    @Test
    void reportsRateLimitsWithTelegramsRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            sender.send(alert(i, CHAT, "t" + i, "https://e.org", "s"));
        }
        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> sender.send(alert(42, CHAT, "t", "https://e.org", "s")));
        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(failure).hasMessageStartingWith("telegram: cannot send alert 42 to chat 4242: Too Many Requests");
        assertThat(fake.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void treatsABlockedBotAsPermanent() {
        fake.blockBy(CHAT);
        assertThatThrownBy(() -> sender.send(alert(42, CHAT, "t", "https://e.org", "s")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isPermanent()).isTrue())
                .hasMessage("telegram: cannot send alert 42 to chat 4242: Forbidden: bot was blocked by the user");
    }

    @Test
    void treatsAnUnknownChatAsPermanent() {
        assertThatThrownBy(() -> sender.send(alert(7, -100123, "t", "https://e.org", "s")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isPermanent()).isTrue())
                .hasMessage("telegram: cannot send alert 7 to chat -100123: Bad Request: chat not found");
    }

    @Test
    void treatsServerErrorsAndGarbageAsTransient() {
        fake.failNext(500, "Internal Server Error");
        fake.failNextRaw(502, "<html>Bad Gateway</html>");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> sender.send(alert(9, CHAT, "t", "https://e.org", "s")))
                    .isInstanceOfSatisfying(SendFailure.class, f -> {
                        assertThat(f.isPermanent()).isFalse();
                        assertThat(f.retryAfter()).isEmpty();
                    })
                    .hasMessageStartingWith("telegram: cannot send alert 9 to chat 4242: ");
        }
        assertThat(fake.allMessages()).isEmpty();
    }

    @Test
    void treatsAnUnreachableServerAsTransient() {
        fake.close();
        assertThatThrownBy(() -> sender.send(alert(9, CHAT, "t", "https://e.org", "s")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isPermanent()).isFalse());
    }

    @Test
    void refusesNonTelegramDestinationsPermanently() {
        Alert slack = new Alert(3, Destination.slack("C0123ABCD"), alert(3, CHAT, "t", "", "").item(), "", "", "");
        assertThatThrownBy(() -> sender.send(slack))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isPermanent()).isTrue());
    }

    @Test
    void sendsLongPlainTextRepliesInPartsWithoutParseMode() throws Exception {
        fake.rateLimits(FakeTelegramRateLimits.OFF);
        String reply = ("Your subscriptions: <kursk> & \"north korea\" *all* of them.\n").repeat(150);
        sender.sendText(CHAT, reply);

        List<SentMessage> sent = fake.messagesTo(CHAT);
        assertThat(sent).hasSize(3).allSatisfy(m -> {
            assertThat(m.parseMode()).isEmpty();
            assertThat(m.plainText().length()).isLessThanOrEqualTo(4096);
        });
        assertThat(String.join("\n", sent.stream().map(SentMessage::plainText).toList())).isEqualTo(reply.strip());
    }
}
