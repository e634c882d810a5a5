package io.herald.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.PendingAlert;
import io.herald.store.Database;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.summarize.Summarizer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertPlannerTest {

    private static final String TEXT = "Markets rose sharply on Monday after the central bank spoke. "
            + "Traders welcomed the news from the capital. "
            + "Separately, officials in Kursk reported heavy shelling overnight near the border.";

    @TempDir
    Path dir;

    @Test
    void carriesMatchedTermsAndSubscriptionAndFocusesTheSummary() {
        var store = new JdbcSubscriptionStore(Database.openSqlite(dir.resolve("a.db")), Clock.systemUTC());
        Subscription kursk = store.add(Destination.telegram(5), "kursk OR \"north korea\"", "5").orElseThrow();
        Subscription markets = store.add(Destination.telegram(6), "markets", "6").orElseThrow();
        AlertPlanner planner = new AlertPlanner(store, new Summarizer(), 90);
        Item item = new Item("world", "1", "Monday news", "https://e.org/1", Optional.empty(), TEXT, "", null, null);

        List<PendingAlert> alerts = planner.plan("world", "World", List.of(item));

        assertThat(alerts).hasSize(2);
        PendingAlert first = alerts.get(0);
        assertThat(first.subscriptionId()).isEqualTo(kursk.id());
        assertThat(first.alert().subscriptionId()).isEqualTo(kursk.id());
        assertThat(first.alert().matchedTerms()).containsExactly("kursk");
        assertThat(first.alert().summary()).contains("Kursk").hasSizeLessThanOrEqualTo(90);
        assertThat(alerts.get(1).alert().matchedTerms()).containsExactly("markets");
        assertThat(alerts.get(1).alert().summary()).startsWith("Markets rose");
    }
}
