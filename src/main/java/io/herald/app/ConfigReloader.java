package io.herald.app;

import io.herald.config.Admins;
import io.herald.config.ConfigChanges;
import io.herald.config.ConfigException;
import io.herald.config.ConfigLoader;
import io.herald.config.HeraldConfig;
import io.herald.config.LoadedConfig;
import io.herald.deliver.AdminNotifier;
import io.herald.deliver.LinkPreviews;
import io.herald.model.Platform;
import io.herald.store.SubscriptionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the config file again and applies it while Herald runs: feeds added, removed or changed on the schedule,
 * routes replaced in matching at once, admins replaced; every admin gets one message saying what changed. An
 * invalid file keeps the running config and every admin is told each problem as {@code file:line: message}.
 * Triggered by a change of the file ({@link #fileChanged}), SIGHUP or an admin's {@code /reload}
 * ({@link #reload}). Thread-safe: one reload at a time.
 */
final class ConfigReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
    /** How long a file that does not validate is given to be finished by its writer before it counts as invalid. */
    static final Duration SETTLE = Duration.ofMillis(400);
    private static final int SETTLE_TRIES = 5;

    private final Path file;
    private final LiveFeeds feeds;
    private final SubscriptionStore subscriptions;
    private final AdminNotifier notifier;
    private final AtomicReference<Admins> admins;
    private final LinkPreviews previews;
    private HeraldConfig running;
    private String lastText = "";
    private int unsettledReads;

    ConfigReloader(Path file, HeraldConfig initial, LiveFeeds feeds, SubscriptionStore subscriptions,
                   AdminNotifier notifier, AtomicReference<Admins> admins, LinkPreviews previews) {
        this.file = file;
        this.running = initial;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.admins = admins;
        this.previews = previews;
        try {
            this.lastText = ConfigLoader.text(file);
        } catch (ConfigException e) {
            LOG.debug("config: cannot read {} again at start: {}", file, e.getMessage());
        }
    }

    /** How often a changed file did not validate at first and was read again (e.g. caught half-written). */
    synchronized int unsettledReads() {
        return unsettledReads;
    }

    /** The config file, as given. */
    Path file() {
        return file;
    }

    /** The config in force. */
    synchronized HeraldConfig running() {
        return running;
    }

    /**
     * The file changed on disk: reads it once it has settled (a half-written file is read again until it validates
     * or stops changing) and applies it; a file whose text did not change is left alone.
     */
    synchronized void fileChanged() {
        try {
            applyChangedFile();
        } catch (RuntimeException e) {
            LOG.error("config: cannot apply the changed {}", file, e);
            notifier.notifyAdmins(file + " changed but could not be applied completely (" + e.getMessage()
                    + "); /reload tries again.");
        }
    }

    private void applyChangedFile() {
        Read read = read();
        for (int i = 0; i < SETTLE_TRIES && read.config().isEmpty(); i++) {
            unsettledReads++;
            LOG.info("config: {} does not validate yet; reading it again in {} ms in case it is still being written",
                    file, SETTLE.toMillis());
            try {
                Thread.sleep(SETTLE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Read again = read();
            if (again.text().equals(read.text())) {
                break;
            }
            read = again;
        }
        if (read.text().equals(lastText)) {
            return;
        }
        notifier.notifyAdmins(apply(read, "the file changed"));
    }

    /** SIGHUP: reads the file and applies it; every admin is told the outcome. */
    synchronized void signalled() {
        notifier.notifyAdmins(apply(read(), "SIGHUP"));
    }

    /**
     * An admin's {@code /reload}: the answer goes to that admin, the same message to every other admin.
     *
     * @return the answer
     */
    synchronized String reload(Platform platform, String userId) {
        String outcome = apply(read(), "/reload");
        notifier.notifyAdminsExcept(outcome, platform, userId);
        return outcome;
    }

    private record Read(String text, Optional<LoadedConfig> config, List<String> problems) {
    }

    private Read read() {
        String text;
        try {
            text = ConfigLoader.text(file);
        } catch (ConfigException e) {
            return new Read("", Optional.empty(), e.problems());
        }
        try {
            return new Read(text, Optional.of(ConfigLoader.parse(file.toString(), text)), List.of());
        } catch (ConfigException e) {
            return new Read(text, Optional.empty(), e.problems());
        }
    }

    /** Applies a valid read; returns the one message that says what happened. */
    private String apply(Read read, String why) {
        lastText = read.text();
        if (read.config().isEmpty()) {
            LOG.warn("config: {} has {} problem(s) ({}); the running config is kept", file, read.problems().size(),
                    why);
            return file + " was not applied (" + why + "); the running config is kept. Problems:\n"
                    + String.join("\n", read.problems());
        }
        HeraldConfig next = read.config().get().config();
        ConfigChanges changes = ConfigChanges.between(running, next);
        feeds.applyConfig(changes, next.feeds());
        subscriptions.replaceRoutes(HeraldService.routes(next.routes()));
        previews.replaceRoutes(HeraldService.routePreviews(next.routes()));
        admins.set(next.admins());
        notifier.replaceAdmins(next.admins().telegram(), next.admins().slack());
        running = next;
        List<String> lines = changes.lines();
        LOG.info("config: {} reloaded ({}): {}", file, why, lines.isEmpty() ? "nothing changed" : lines);
        return file + " reloaded (" + why + "): "
                + (lines.isEmpty() ? "nothing changed." : "\n" + String.join("\n", lines));
    }
}
