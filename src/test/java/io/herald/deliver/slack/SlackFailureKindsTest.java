package io.herald.deliver.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.deliver.Digest;
import io.herald.deliver.SendFailure;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.testsupport.FakeSlackServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack refusals that mean the channel is gone; digests within Block Kit limits; notices to users. */
class SlackFailureKindsTest {
    private static final String TOKEN = "xoxb-kinds-test";

    private FakeSlackServer fake;
    private SlackSender sender;

    @BeforeEach
    void start() {
        fake = FakeSlackServer.start(TOKEN);
        sender = new SlackSender(TOKEN, fake.apiUrl());
    }

    @AfterEach
    void stop() {
        sender.close();
        fake.close();
    }

    @Test
    void anArchivedChannelAChannelWithoutTheBotAndAnUnknownChannelAreGone() {
        fake.archive("C0ARCH").notMember("C0OUT");
        for (String channel : List.of("C0ARCH", "C0OUT", "C0NONE")) {
            SendFailure failure = catchThrowableOfType(SendFailure.class, () -> sender.send(alert(1, channel, "T")));
            assertThat(failure.kind()).as(channel).isEqualTo(SendFailure.Kind.RECIPIENT_GONE);
            assertThat(failure.getMessage()).contains("channel " + channel);
        }
    }

    @Test
    void postsADigestOfTwentyHeadlinesAsLinkedSections() throws Exception {
        fake.addChannel("C0DIG");
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= Digest.MAX_ALERTS; i++) {
            alerts.add(alert(i, "C0DIG", "Story " + i + " <with> & | pipes " + "word ".repeat(100)));
        }
        sender.sendDigest(new Digest(Destination.slack("C0DIG"), "20 new stories", alerts));

        FakeSlackServer.PostedMessage posted = fake.messagesTo("C0DIG").get(0);
        assertThat(posted.blocks()).hasSize(21);
        assertThat(posted.allText()).contains("<https://e.org/1|Story 1 &lt;with&gt; &amp; ¦ pipes", "Story 20");
    }

    @Test
    void sendsANoticeToAUserIdAsPlainText() throws Exception {
        fake.addChannel("U0ADMIN");
        sender.sendNotice("U0ADMIN", "slack:C1 is paused: <is_archived> & more");
        assertThat(fake.messagesTo("U0ADMIN")).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("slack:C1 is paused: &lt;is_archived&gt; &amp; more"));
    }

    private static Alert alert(long id, String channel, String title) {
        Item item = new Item("world", "i" + id, title, "https://e.org/" + id, Optional.empty(), "", "", List.of(),
                List.of());
        return new Alert(id, Destination.slack(channel), item, "World", "q", "");
    }
}
