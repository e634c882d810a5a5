package io.herald.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramFormatter;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeTelegramServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random Unicode titles, summaries, feed names, queries and links (markup characters, entities, emoji, right-to-left
 * text, combining marks, control characters, unpaired surrogates, up to 10,000 characters) must always give Telegram
 * messages that the strict fake's HTML parser accepts within 4096 characters, with valid buttons. The Slack side is
 * fuzzed in {@code SlackFormattingFuzzTest}, which can see the package-private formatter.
 */
public class AlertFormattingFuzzTest {

    public static final long SEED = 20241104L;
    public static final int ROUNDS = 400;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-04T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void telegramAcceptsEveryRandomAlert() {
        Random random = new Random(SEED);
        TelegramFormatter formatter = new TelegramFormatter(CLOCK);
        for (int round = 0; round < ROUNDS; round++) {
            Alert alert = randomAlert(random, Destination.telegram(5));
            String html = formatter.format(alert);
            String plain;
            try {
                plain = FakeTelegramServer.plainTextOfHtml(html);
            } catch (IllegalArgumentException e) {
                throw new AssertionError("round " + round + " refused: " + e.getMessage() + "\n" + html, e);
            }
            assertThat(plain.length()).as("round %d", round).isBetween(1, TelegramFormatter.MAX_TEXT);
            assertThat(plain.strip()).isNotEmpty();
            formatter.buttons(alert).forEach(b -> assertThat(b.callbackData().getBytes(StandardCharsets.UTF_8).length)
                    .isBetween(1, TelegramFormatter.MAX_CALLBACK_DATA));
        }
    }

    @Test
    void realSendsOfRandomAlertsAreAccepted() throws Exception {
        Random random = new Random(SEED + 1);
        try (FakeTelegramServer fake = FakeTelegramServer.start("123:fuzz");
             TelegramClients clients = TelegramClients.create("123:fuzz", fake.baseUrl())) {
            TelegramSender sender = new TelegramSender(clients.client(), CLOCK);
            for (int i = 1; i <= 15; i++) {
                fake.addChat(i);
                sender.send(randomAlert(random, Destination.telegram(i)));
                assertThat(fake.messagesTo(i)).hasSize(1);
            }
        }
    }

    /** A random alert with hostile text in every field. */
    public static Alert randomAlert(Random random, Destination to) {
        String link = random.nextInt(4) == 0 ? RandomText.of(random, 300)
                : "https://news.example.org/" + RandomText.of(random, 200).replaceAll("\\s", "-");
        Optional<Instant> published = random.nextBoolean() ? Optional.empty()
                : Optional.of(CLOCK.instant().minusSeconds(random.nextInt(2_000_000) - 100_000));
        Item item = new Item("world", "id", RandomText.of(random, 10_000), link, published, "", "", List.of(),
                List.of());
        String summary = RandomText.sentences(random, 10_000);
        List<String> terms = List.of(RandomText.word(random), "\"" + RandomText.word(random) + " "
                + RandomText.word(random) + "\"", RandomText.word(random) + "*");
        return new Alert(random.nextInt(1000), to, item, RandomText.of(random, 600), RandomText.of(random, 600),
                summary, terms, random.nextInt(3) == 0 ? 0 : Math.abs(random.nextLong()));
    }
}
