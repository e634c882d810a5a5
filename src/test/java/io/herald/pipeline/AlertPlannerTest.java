package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.PendingAlert;
import io.herald.store.SubscriptionStore;
import io.herald.summarize.Summarizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertPlannerTest {

    private static final String TEXT = "Markets rose sharply on Monday after the central bank spoke. "
            + "Traders welcomed the news from the capital. "
            + "Separately, officials in Kursk reported heavy shelling overnight near the border.";

    @Test
    void carriesMatchedTermsAndSubscriptionAndFocusesTheSummary() {
        Subscription kursk = new Subscription(11, Destination.telegram(5), "kursk OR \"north korea\"",
                Optional.empty(), null);
        Subscription markets = new Subscription(12, Destination.telegram(6), "markets", Optional.empty(), null);
        AlertPlanner planner = new AlertPlanner(new Fixed(List.of(kursk, markets)), new Summarizer(), 90);
        Item item = new Item("world", "1", "Monday news", "https://e.org/1", Optional.empty(), TEXT, "", null, null);

        List<PendingAlert> alerts = planner.plan("world", "World", List.of(item));

        assertThat(alerts).hasSize(2);
        PendingAlert first = alerts.get(0);
        assertThat(first.subscriptionId()).isEqualTo(11);
        assertThat(first.alert().subscriptionId()).isEqualTo(11);
        assertThat(first.alert().matchedTerms()).containsExactly("kursk");
        assertThat(first.alert().summary()).contains("Kursk").hasSizeLessThanOrEqualTo(90);
        assertThat(alerts.get(1).alert().matchedTerms()).containsExactly("markets");
        assertThat(alerts.get(1).alert().summary()).startsWith("Markets rose");
    }

    /** Serves a fixed list of active subscriptions. */
    private record Fixed(List<Subscription> subscriptions) implements SubscriptionStore {
        @Override
        public Optional<Subscription> add(Destination destination, String query, String createdBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Subscription> ownedBy(Destination destination) {
            return List.of();
        }

        @Override
        public boolean remove(long id) {
            return false;
        }

        @Override
        public List<Subscription> active() {
            return subscriptions;
        }

        @Override
        public void replaceRoutes(List<Subscription> routes) {
        }

        @Override
        public boolean setPaused(long id, boolean paused) {
            return false;
        }

        @Override
        public int setPaused(Destination destination, boolean paused) {
            return 0;
        }
    }
}
