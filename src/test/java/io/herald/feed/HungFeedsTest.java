package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testsupport.FeedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two feeds on a server that accepts connections and never answers hold both connection slots of their host; feeds
 * on another port of the same address are fetched at once, and a third feed of the hung server gives up within its
 * own time budget instead of queueing behind the hung ones.
 */
class HungFeedsTest {
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final Duration BUDGET = Duration.ofSeconds(6);

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket hanging;
    private Thread acceptor;
    private FeedServer healthy;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @BeforeEach
    void start() throws IOException {
        hanging = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    held.add(hanging.accept()); // reads nothing, answers nothing
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        healthy = FeedServer.start();
        healthy.publish("/ok.xml", RSS, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ok</title>"
                + "<link>https://ok.example.org/</link><description>d</description><item><title>Fine</title>"
                + "<link>https://ok.example.org/1</link></item></channel></rss>");
    }

    @AfterEach
    void stop() throws IOException {
        pool.shutdownNow();
        hanging.close();
        for (Socket s : held) {
            s.close();
        }
        healthy.close();
    }

    @Test
    void hungFeedsOfOneHostDoNotStarveTheOthers() throws Exception {
        FeedReader reader = new FeedReader(new FetchPolicy(true, Duration.ofSeconds(2), BUDGET, 1024 * 1024,
                "Herald-test", BUDGET, 2, 8));
        URI hung = URI.create("http://127.0.0.1:" + hanging.getLocalPort() + "/feed.xml");
        Future<?> first = pool.submit(() -> reader.read("hung-1", hung, Validators.NONE));
        Future<?> second = pool.submit(() -> reader.read("hung-2", hung, Validators.NONE));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (held.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(held).as("both hung fetches hold a connection to the silent server").hasSize(2);

        long start = System.nanoTime();
        FetchOutcome ok = reader.read("ok", healthy.url("/ok.xml"), Validators.NONE);
        long okMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(ok.feed()).isPresent();
        assertThat(okMillis).as("a feed on the same address, other port, is not held up").isLessThan(2_000);
        assertThat(first.isDone() || second.isDone()).as("the hung fetches are still hanging").isFalse();

        long third = System.nanoTime();
        assertThatThrownBy(() -> reader.read("hung-3", hung, Validators.NONE)).isInstanceOf(FeedException.class);
        long thirdMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - third);
        assertThat(thirdMillis).as("a third feed of the hung host gives up within its own budget")
                .isLessThan(BUDGET.toMillis() + 2_000);
    }
}
