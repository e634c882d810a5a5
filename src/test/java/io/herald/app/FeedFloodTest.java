package io.herald.app;

import static io.herald.app.ServiceUnderTest.telegramEnv;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.herald.store.OutboxEntry;
import io.herald.testsupport.Await;
import io.herald.testsupport.FakeTelegramServer;
import io.herald.testsupport.FakeTelegramServer.SentMessage;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flood of issue 10: a feed lists 100,000 items whose guids change on every poll. After the first poll (which
 * only records the backlog) three polls each bring 100,000 new items. Memory and the database stay bounded, the chat
 * gets paced digests and never a 429 from the strict fake, and the admins are told once.
 */
class FeedFloodTest {
    private static final int ITEMS = 100_000;
    private static final int FLOOD_POLLS = 3;
    private static final long GROUP = -100_4242;
    private static final long ADMIN = 4343;
    private static final String TOKEN = "5151:flood-test-token";
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final long MiB = 1024 * 1024;

    @TempDir
    Path dir;

    private FakeTelegramServer telegram;
    private HttpServer feed;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramServer.start(TOKEN);
        telegram.addChat(GROUP);
        telegram.addChat(ADMIN);
        feed = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        feed.createContext("/flood.xml", exchange -> {
            int n = requests.incrementAndGet();
            // every poll up to the last flood lists 100,000 items never seen before; later polls list the last again
            byte[] body = rss(Math.min(n, FLOOD_POLLS + 1));
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feed.start();
    }

    @AfterEach
    void stop() {
        feed.stop(0);
        telegram.close();
    }

    @Test
    void aFloodingFeedStaysBoundedPacedAndIsReportedOnce() throws Exception {
        Path db = dir.resolve("herald.db");
        List<Long> heapAfterPoll = new ArrayList<>();
        List<Long> dbAfterPoll = new ArrayList<>();
        List<Integer> pendingAfterPoll = new ArrayList<>();
        try (HeraldService herald = start(db)) {
            for (int poll = 1; poll <= FLOOD_POLLS + 1; poll++) {
                int next = poll + 1;
                // the next request starts only after this poll was recorded (one poll of a feed at a time)
                Await.until(WAIT, () -> requests.get() >= next);
                heapAfterPoll.add(usedHeapAfterGc());
                dbAfterPoll.add(size(db) + size(Path.of(db + "-wal")));
                pendingAfterPoll.add(herald.outbox().counts().get(OutboxEntry.Status.PENDING));
            }
            Thread.sleep(15_000); // flood digests keep going out meanwhile

            var state = herald.feeds().find("flood").orElseThrow();
            assertThat(state.flood()).as("the feed is flagged").isPresent();
            assertThat(state.flood().get().skippedItems()).as("items skipped over the flood polls")
                    .isEqualTo((long) FLOOD_POLLS * (ITEMS - 500));
            assertThat(FeedsCommand.render("flood", java.util.Optional.of(state), java.time.Instant.now()))
                    .contains("FLOODING");
            assertThat(herald.router().handle(new io.herald.chat.IncomingMessage(
                    io.herald.model.Destination.telegram(ADMIN), Long.toString(ADMIN), "/status")))
                    .extracting(io.herald.chat.ReplyFormat.PLAIN::render).asString()
                    .contains("flooding: 100000 new items in one poll");
        }

        System.out.printf("flood: heap after each poll (MiB) %s, database (MiB) %s, pending %s%n",
                heapAfterPoll.stream().map(b -> b / MiB).toList(), dbAfterPoll.stream().map(b -> b / MiB).toList(),
                pendingAfterPoll);
        assertThat(pendingAfterPoll).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(1_000));
        assertThat(heapAfterPoll).allSatisfy(h -> assertThat(h).isLessThan(256 * MiB));
        assertThat(heapAfterPoll.get(FLOOD_POLLS)).as("no growth from poll to poll")
                .isLessThan(heapAfterPoll.get(1) + 64 * MiB);
        assertThat(dbAfterPoll).allSatisfy(b -> assertThat(b).isLessThan(150 * MiB));
        assertThat(dbAfterPoll.get(FLOOD_POLLS)).as("the database stops growing: pages of forgotten items reused")
                .isLessThan(dbAfterPoll.get(FLOOD_POLLS - 1) + 8 * MiB);

        List<SentMessage> chat = telegram.messagesTo(GROUP);
        assertThat(chat).as("flood digests went out").isNotEmpty();
        assertThat(chat).allSatisfy(m -> assertThat(m.plainText()).contains("new stories"));
        assertThat(telegram.rateLimitedCount()).as("429s from the strict fake").isZero();
        assertThat(telegram.sendsInsideRetryWindow()).isZero();

        List<SentMessage> notices = telegram.messagesTo(ADMIN).stream()
                .filter(m -> m.plainText().contains("limits")).toList();
        assertThat(notices).as("the admins are told once").hasSize(1);
        assertThat(notices.get(0).plainText()).contains("flood", "100000 new items");
    }

    private HeraldService start(Path db) throws Exception {
        return ServiceUnderTest.start(dir, """
                feeds:
                  - id: flood
                    url: http://127.0.0.1:%d/flood.xml
                    interval: 1s
                routes:
                  - id: desk
                    query: kursk
                    to: ["telegram:%d"]
                admins:
                  telegram: [%d]
                network:
                  allow_private_addresses: true
                  max_body_size: 32MiB
                """.formatted(feed.getAddress().getPort(), GROUP, ADMIN), telegramEnv(db, TOKEN, telegram));
    }

    /** 100,000 items whose guids belong to this round only (about 8 MB). */
    private static byte[] rss(int round) {
        StringBuilder sb = new StringBuilder(ITEMS * 90);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Flood</title>")
                .append("<link>https://flood.example.org/</link><description>d</description>");
        for (int i = 0; i < ITEMS; i++) {
            sb.append("<item><title>Kursk ").append(i).append("</title><link>https://flood.example.org/")
                    .append(round).append('/').append(i).append("</link></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long size(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
