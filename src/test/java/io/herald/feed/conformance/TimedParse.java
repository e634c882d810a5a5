package io.herald.feed.conformance;

import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Parses one corpus document on a worker thread with a per-file deadline, classifying what happened. */
public final class TimedParse implements AutoCloseable {

    /** What one parse gave: a feed, a clean refusal, a crash (any other throwable) or a hang. */
    public record Outcome(Optional<ParsedFeed> feed, Optional<FeedException> refused, Optional<Throwable> crash,
            boolean hung) {
        public boolean parsed() {
            return feed.isPresent();
        }
    }

    private final FeedReader reader;
    private final Duration limit;
    private ExecutorService worker = newWorker();

    public TimedParse(FeedReader reader, Duration limit) {
        this.reader = reader;
        this.limit = limit;
    }

    public Outcome parse(byte[] body, Optional<String> contentType, URI base) {
        Future<ParsedFeed> future = worker.submit(() -> reader.parse("corpus", body, contentType, base));
        try {
            return new Outcome(Optional.of(future.get(limit.toMillis(), TimeUnit.MILLISECONDS)), Optional.empty(),
                    Optional.empty(), false);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Outcome(Optional.empty(), Optional.empty(), Optional.empty(), true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FeedException refused) {
                return new Outcome(Optional.empty(), Optional.of(refused), Optional.empty(), false);
            }
            return new Outcome(Optional.empty(), Optional.empty(), Optional.of(e.getCause()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-parse");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
