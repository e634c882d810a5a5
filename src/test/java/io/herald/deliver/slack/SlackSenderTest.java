package io.herald.deliver.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.herald.deliver.SendFailure;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeSlackServer.PostedMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackSenderTest {

    private static final String TOKEN = "xoxb-1234-test";

    private FakeSlackServer fake;
    private SlackSender sender;

    @BeforeEach
    void start() {
        fake = FakeSlackServer.start(TOKEN).addChannel("C0123").archive("C0ARCH").notMember("C0OUT");
        sender = new SlackSender(TOKEN, fake.apiUrl());
    }

    @AfterEach
    void stop() {
        sender.close();
        fake.close();
    }

    @Test
    void servesSlackDestinations() {
        assertThat(sender.platform()).isEqualTo(Platform.SLACK);
    }

    @Test
    void postsBlocksAndATextWithTitleAndLink() throws Exception {
        sender.send(SlackAlerts.normal("C0123"));

        PostedMessage message = fake.awaitMessages("C0123", 1, Duration.ofSeconds(5)).get(0);
        assertThat(message.text()).contains("NATO confirms North Korean troops in Kursk")
                .contains("https://news.example.org/world/nato-kursk?ref=rss&amp;lang=en");
        assertThat(message.blocks()).hasSize(3);
        assertThat(message.blocks().get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(message.allText()).contains("North Korean troops were deployed", "Matched: \"north korea\"",
                "2024-11-04 12:30 UTC");
    }

    @Test
    void callsOnlyChatPostMessage() throws Exception {
        sender.send(SlackAlerts.normal("C0123"));
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void markupHeavyAlertsAreAccepted() throws Exception {
        String title = "Breaking: <script> & \"quotes\" > *bold* _it_ | pipe ~strike~ `code` 🚀🇺🇦";
        String summary = ("Markets < expectations & analysts > worried *again* _today_ | ~maybe~ `x` 😀 ")
                .repeat(70);
        assertThat(summary.length()).isGreaterThan(5000);

        sender.send(SlackAlerts.alert("C0123", title, SlackAlerts.LINK, summary));

        PostedMessage message = fake.awaitMessages("C0123", 1, Duration.ofSeconds(5)).get(0);
        String[] section = message.blocks().get(0).path("text").path("text").asText().split("\n", 2);
        String headline = section[0];
        assertThat(headline).isEqualTo("*<" + SlackAlerts.LINK.replace("&", "&amp;") + "|Breaking: &lt;script&gt; "
                + "&amp; \"quotes\" &gt; *bold* _it_ ¦ pipe ~strike~ `code` 🚀🇺🇦>*");
        String shown = section[1];
        assertThat(shown).hasSizeLessThanOrEqualTo(3000 - headline.length() - 1).startsWith("Markets &lt; expectations &amp; analysts &gt;")
                .endsWith("…");
    }

    @Test
    void rateLimitBecomesRateLimitedWithTheServersSeconds() throws Exception {
        fake.rateLimit(1, Duration.ofSeconds(30));
        sender.send(SlackAlerts.normal("C0123"));

        assertThatThrownBy(() -> sender.send(SlackAlerts.normal("C0123")))
                .asInstanceOf(type(SendFailure.class))
                .satisfies(f -> {
                    assertThat(f.isPermanent()).isFalse();
                    assertThat(f.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(f.getMessage()).startsWith("slack: cannot send alert 42 to channel C0123");
                });
        assertThat(fake.rateLimitedCount()).isEqualTo(1);
        assertThat(fake.messagesTo("C0123")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CNOPE, channel_not_found", "C0ARCH, is_archived", "C0OUT, not_in_channel"})
    void refusedChannelsArePermanentWithTheErrorCode(String channel, String error) {
        assertThatThrownBy(() -> sender.send(SlackAlerts.normal(channel)))
                .asInstanceOf(type(SendFailure.class))
                .satisfies(f -> {
                    assertThat(f.isPermanent()).isTrue();
                    assertThat(f.getMessage())
                            .isEqualTo("slack: cannot send alert 42 to channel " + channel + ": " + error);
                });
    }

    @Test
    void invalidTokenIsPermanent() {
        try (SlackSender wrong = new SlackSender("xoxb-wrong", fake.apiUrl())) {
            assertThatThrownBy(() -> wrong.send(SlackAlerts.normal("C0123")))
                    .asInstanceOf(type(SendFailure.class))
                    .satisfies(f -> {
                        assertThat(f.isPermanent()).isTrue();
                        assertThat(f.getMessage()).endsWith(": invalid_auth").doesNotContain("xoxb");
                    });
        }
        assertThat(fake.allMessages()).isEmpty();
    }

    @Test
    void serverErrorsAreTransient() {
        fake.failNext(503);
        assertThatThrownBy(() -> sender.send(SlackAlerts.normal("C0123")))
                .asInstanceOf(type(SendFailure.class))
                .satisfies(f -> {
                    assertThat(f.isPermanent()).isFalse();
                    assertThat(f.retryAfter()).isEmpty();
                    assertThat(f.getMessage()).isEqualTo("slack: cannot send alert 42 to channel C0123: HTTP 503");
                });
    }

    @Test
    void injected429UsesItsRetryAfterHeader() {
        fake.failNext(429);
        assertThatThrownBy(() -> sender.send(SlackAlerts.normal("C0123")))
                .asInstanceOf(type(SendFailure.class))
                .satisfies(f -> assertThat(f.retryAfter()).contains(Duration.ofSeconds(1)));
    }

    @Test
    void unreachableServerIsTransient() {
        String deadUrl;
        try (FakeSlackServer gone = FakeSlackServer.start(TOKEN)) {
            deadUrl = gone.apiUrl();
        }
        try (SlackSender lost = new SlackSender(TOKEN, deadUrl)) {
            assertThatThrownBy(() -> lost.send(SlackAlerts.normal("C0123")))
                    .asInstanceOf(type(SendFailure.class))
                    .satisfies(f -> {
                        assertThat(f.isPermanent()).isFalse();
                        assertThat(f.getCause()).isNotNull();
                    });
        }
    }

    @Test
    void refusesNonSlackDestinations() {
        Alert alert = SlackAlerts.normal("C0123");
        Alert console = new Alert(alert.id(), Destination.CONSOLE, alert.item(), alert.feedTitle(), alert.query(),
                alert.summary());
        assertThatThrownBy(() -> sender.send(console))
                .asInstanceOf(type(SendFailure.class))
                .satisfies(f -> assertThat(f.isPermanent()).isTrue());
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void refusesAnApiUrlWithoutTrailingSlash() {
        assertThatThrownBy(() -> new SlackSender(TOKEN, "http://127.0.0.1:1/api"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end with '/'");
    }
}
