package io.herald.chat.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes updates off the long-poll thread and handles them on this bot's own workers. Updates of one chat always go
 * to the same worker, so a chat's commands are answered in order while other chats proceed in parallel.
 */
final class TelegramUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateConsumer.class);

    private final TelegramUpdateHandler handler;
    private final List<ExecutorService> lanes = new ArrayList<>();

    TelegramUpdateConsumer(TelegramUpdateHandler handler, int laneCount) {
        this.handler = handler;
        for (int i = 0; i < laneCount; i++) {
            lanes.add(Executors.newSingleThreadExecutor(daemonThreads("herald-telegram-updates-" + i)));
        }
    }

    void consume(List<Update> updates) {
        for (Update update : updates) {
            TelegramUpdateHandler.chatOf(update).ifPresent(chatId -> submit(chatId, update));
        }
    }

    private void submit(long chatId, Update update) {
        ExecutorService lane = lanes.get(Math.floorMod(Long.hashCode(chatId), lanes.size()));
        try {
            lane.execute(() -> handleSafely(update));
        } catch (RejectedExecutionException e) {
            log.info("telegram: bot is stopping, update {} for chat {} dropped", update.getUpdateId(), chatId);
        }
    }

    private void handleSafely(Update update) {
        try {
            handler.handle(update);
        } catch (RuntimeException e) {
            log.error("telegram: update {} could not be handled", update.getUpdateId(), e);
        }
    }

    /** Lets updates in progress finish (up to the timeout), then stops the workers. */
    void shutdown(long timeoutMillis) throws InterruptedException {
        lanes.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (ExecutorService lane : lanes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!lane.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                lane.shutdownNow();
            }
        }
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(true);
            return thread;
        };
    }
}
