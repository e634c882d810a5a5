package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Alert;
import io.herald.model.Destination;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertCodecTest {

    private final AlertCodec codec = new AlertCodec();

    @Test
    void keepsMatchedTermsAndTheSubscription() {
        Alert alert = new Alert(0, Destination.telegram(-100123), StoreTestSupport.item("world", "a", "A title"),
                "World", "\"north korea\" OR kursk", "Summary.", List.of("\"north korea\"", "kursk"), 17);

        Alert back = codec.decode(5, codec.encode(alert));

        assertThat(back.matchedTerms()).containsExactly("\"north korea\"", "kursk");
        assertThat(back.subscriptionId()).isEqualTo(17);
        assertThat(back.id()).isEqualTo(5);
        assertThat(back.item()).isEqualTo(alert.item());
        assertThat(back.summary()).isEqualTo("Summary.");
    }

    @Test
    void readsRowsWrittenBeforeTermsWereStored() {
        String payload = codec.encode(StoreTestSupport.alert(Destination.CONSOLE,
                StoreTestSupport.item("world", "a", "A"))).replaceAll(",\"matchedTerms\":\\[[^]]*],\"subscriptionId\":0", "");
        assertThat(payload).doesNotContain("matchedTerms");

        Alert back = codec.decode(1, payload);

        assertThat(back.matchedTerms()).isEmpty();
        assertThat(back.subscriptionId()).isZero();
    }
}
