package io.herald.deliver;

import io.herald.deliver.slack.SlackSender;
import io.herald.deliver.telegram.TelegramClients;
import io.herald.deliver.telegram.TelegramSender;
import io.herald.model.Alert;
import io.herald.model.Destination;
import io.herald.model.Item;
import io.herald.model.Subscription;
import io.herald.store.Database;
import io.herald.store.JdbcChatSettingsStore;
import io.herald.store.JdbcFeedStore;
import io.herald.store.JdbcOutboxStore;
import io.herald.store.JdbcSubscriptionStore;
import io.herald.store.PendingAlert;
import io.herald.store.PollRecord;
import io.herald.testsupport.FakeSlackServer;
import io.herald.testsupport.FakeTelegramServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Real stores on a SQLite file, the real Telegram and Slack senders against the strict fakes, and a worker over
 * them: what delivery tests drive.
 */
final class DeliveryTestBed implements AutoCloseable {
    static final String TELEGRAM_TOKEN = "7000002:delivery-test-token";
    static final String SLACK_TOKEN = "xoxb-delivery-test";

    final FakeTelegramServer telegram = FakeTelegramServer.start(TELEGRAM_TOKEN);
    final FakeSlackServer slack = FakeSlackServer.start(SLACK_TOKEN);
    final Database db;
    final Clock clock;
    final JdbcFeedStore feeds;
    final JdbcOutboxStore outbox;
    final JdbcSubscriptionStore subscriptions;
    final JdbcChatSettingsStore chatSettings;
    private final TelegramClients clients;
    private final SlackSender slackSender;
    final List<AlertSender> senders;
    private int seq;

    DeliveryTestBed(Path dir, Clock clock) {
        this.clock = clock;
        db = Database.openSqlite(dir.resolve("delivery.db"));
        feeds = new JdbcFeedStore(db, clock);
        outbox = new JdbcOutboxStore(db, clock);
        subscriptions = new JdbcSubscriptionStore(db, clock);
        chatSettings = new JdbcChatSettingsStore(db, clock);
        clients = TelegramClients.create(TELEGRAM_TOKEN, telegram.baseUrl());
        slackSender = new SlackSender(SLACK_TOKEN, slack.apiUrl());
        senders = List.of(new TelegramSender(clients.client()), slackSender);
    }

    OutboxWorker worker(DeliveryPolicy policy, AdminNotifier admins) {
        return new OutboxWorker(outbox, subscriptions, chatSettings, senders, admins, policy, clock);
    }

    AdminNotifier admins(Set<Long> telegramAdmins, Set<String> slackAdmins) {
        return new AdminNotifier(senders, telegramAdmins, slackAdmins);
    }

    Subscription subscribe(Destination to, String query) {
        return subscriptions.add(to, query, "user").orElseThrow();
    }

    /** Queues one alert per subscription for a new item with this title; returns the item. */
    Item queue(String title, Subscription... subs) {
        seq++;
        Item item = new Item("world", "item-" + seq, title, "https://news.example.org/" + seq, Optional.empty(),
                "Summary of " + title, "", List.of(), List.of());
        List<PendingAlert> alerts = new ArrayList<>();
        for (Subscription s : subs) {
            alerts.add(new PendingAlert(s.id(), new Alert(0, s.destination(), item, "World", s.query(), "Summary")));
        }
        feeds.recordPoll(new PollRecord("world", "https://feeds.example.org/world", Optional.empty(),
                Optional.empty(), List.of(item), alerts));
        return item;
    }

    @Override
    public void close() {
        clients.close();
        slackSender.close();
        telegram.close();
        slack.close();
    }
}
