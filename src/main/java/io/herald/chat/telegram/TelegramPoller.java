package io.herald.chat.telegram;

import io.herald.deliver.SendFailure;
import io.herald.deliver.telegram.TelegramFailures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long-polls {@code getUpdates} on its own thread. An update is confirmed (by the offset of the next call) only
 * after it was handed on. A failed call is retried after Telegram's {@code retry_after}, else after a backoff of
 * 1 s doubling to 60 s; the loop never ends on its own. {@link #stop} cancels the held call on purpose and ends the
 * loop without an error.
 */
final class TelegramPoller {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final int POLL_TIMEOUT_SECONDS = 50;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private final TelegramClient client;
    private final OkHttpClient http;
    private final Consumer<List<Update>> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private int offset;

    /**
     * @param client   a client whose calls go through {@code http} alone, so that stopping cancels only the poll
     * @param consumer takes each batch of updates; must not block for long
     */
    TelegramPoller(TelegramClient client, OkHttpClient http, Consumer<List<Update>> consumer) {
        this.client = client;
        this.http = http;
        this.consumer = consumer;
        this.thread = new Thread(this::loop, "herald-telegram-poll");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the loop is still going (it ends only when stopped, or when something it cannot catch kills it). */
    boolean running() {
        return thread.isAlive();
    }

    private void loop() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                List<Update> updates = client.execute(GetUpdates.builder().offset(offset).limit(100)
                        .timeout(POLL_TIMEOUT_SECONDS).allowedUpdates(ALLOWED_UPDATES).build());
                backoff = FIRST_BACKOFF;
                if (!updates.isEmpty()) {
                    consumer.accept(updates);
                    offset = updates.stream().mapToInt(Update::getUpdateId).max().orElse(offset - 1) + 1;
                }
            } catch (TelegramApiException | RuntimeException e) {
                if (!running) {
                    break;
                }
                backoff = pause(e, backoff);
            }
        }
        log.debug("telegram: polling stopped");
    }

    /** Waits before the next call; returns the backoff to use after the next failure. */
    private Duration pause(Exception e, Duration backoff) {
        SendFailure failure = e instanceof TelegramApiException api ? TelegramFailures.map("cannot get updates", api)
                : SendFailure.transientFailure("telegram: cannot get updates: " + e, e);
        Duration wait = failure.retryAfter().orElse(jitter(backoff));
        log.warn("{}; trying again in {} ms", failure.getMessage(), wait.toMillis());
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            running = false;
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static Duration jitter(Duration d) {
        long ms = d.toMillis();
        return Duration.ofMillis(ms - ms / 5 + ThreadLocalRandom.current().nextLong(2 * (ms / 5) + 1));
    }

    /** Ends the loop: the held call is cancelled on purpose; returns when the thread has ended or after the wait. */
    void stop(Duration wait) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + wait.toNanos();
        thread.interrupt();
        // a held call ignores interrupts: cancel until the thread has ended (a call may start just after a cancel)
        while (thread.isAlive() && System.nanoTime() < deadline) {
            http.dispatcher().cancelAll();
            thread.join(50);
        }
    }
}
