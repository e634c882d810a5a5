package io.herald.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches the config file's directory (not the file: editors save by writing a temporary file and renaming it over
 * the old one, which replaces the file a watch on it would follow) and calls {@code onChange} once the file has been
 * quiet for {@code quiet} after its last change, so a file written in several steps is read once, complete.
 * {@link #run()} blocks until {@link #stop()}.
 */
public final class ConfigWatcher {
    private final Path file;
    private final Duration quiet;
    private final Runnable onChange;
    private final WatchService watcher;

    /** @throws IOException when the directory cannot be watched */
    public ConfigWatcher(Path file, Duration quiet, Runnable onChange) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.quiet = quiet;
        this.onChange = onChange;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    }

    /** Waits for changes and reports each burst of them once; returns when stopped. */
    public void run() throws InterruptedException {
        try {
            while (true) {
                if (!touched(watcher.take())) {
                    continue;
                }
                WatchKey next;
                while ((next = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    touched(next);
                }
                onChange.run();
            }
        } catch (ClosedWatchServiceException stopped) {
            // stop() was called
        }
    }

    /** Whether the events of {@code key} concern the config file (a lost event may have); re-arms the key. */
    private boolean touched(WatchKey key) {
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            ours |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || (event.context() instanceof Path name && name.equals(file.getFileName()));
        }
        key.reset();
        return ours;
    }

    /** Ends {@link #run()}. */
    public void stop() {
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
