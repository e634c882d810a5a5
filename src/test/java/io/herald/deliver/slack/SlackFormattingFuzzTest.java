package io.herald.deliver.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.deliver.AlertFormattingFuzzTest;
import io.herald.model.Alert;
import io.herald.testsupport.FakeSlackServer;
import io.herald.model.Destination;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random hostile alerts always give Block Kit the strict Slack validator accepts, and a fallback text in limits. */
class SlackFormattingFuzzTest {

    @Test
    void slackAcceptsEveryRandomAlert() {
        Random random = new Random(AlertFormattingFuzzTest.SEED);
        SlackFormatter formatter = new SlackFormatter(
                Clock.fixed(Instant.parse("2024-11-04T12:00:00Z"), ZoneOffset.UTC));
        for (int round = 0; round < AlertFormattingFuzzTest.ROUNDS; round++) {
            Alert alert = AlertFormattingFuzzTest.randomAlert(random, Destination.slack("C1"));
            SlackMessage message = formatter.format(alert);
            assertThat(SlackFormatterTest.validate(message)).as("round %d", round).isEmpty();
            assertThat(message.text()).isNotBlank().hasSizeLessThanOrEqualTo(SlackFormatter.MAX_FALLBACK_TEXT);
        }
    }

    @Test
    void realSendsOfRandomAlertsAreAccepted() throws Exception {
        Random random = new Random(AlertFormattingFuzzTest.SEED + 1);
        try (FakeSlackServer fake = FakeSlackServer.start("xoxb-fuzz");
             SlackSender sender = new SlackSender("xoxb-fuzz", fake.apiUrl(),
                     Clock.fixed(Instant.parse("2024-11-04T12:00:00Z"), ZoneOffset.UTC))) {
            for (int i = 0; i < 15; i++) {
                String channel = "C" + (100 + i);
                fake.addChannel(channel);
                sender.send(AlertFormattingFuzzTest.randomAlert(random, Destination.slack(channel)));
                assertThat(fake.messagesTo(channel)).hasSize(1);
            }
        }
    }
}
