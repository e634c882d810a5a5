package io.herald.app;

import io.herald.config.ConfigChanges;
import io.herald.config.FeedConfig;
import io.herald.schedule.PollScheduler;
import io.herald.store.ChatFeed;
import io.herald.store.ChatFeedStore;
import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds being polled: the config file's (owned by the file, replaced on reload) and the chat-added ones (owned by
 * the database, shared by every node: {@link #syncChatFeeds} picks up what any node added or removed). A config
 * feed wins over a chat feed with the same id. Thread-safe.
 */
final class LiveFeeds {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeeds.class);

    private final PollScheduler scheduler;
    private final FeedStore states;
    private final ChatFeedStore chatFeeds;
    private final Clock clock;
    private Map<String, FeedConfig> configFeeds;
    private final Map<String, ChatFeed> chatScheduled = new LinkedHashMap<>();

    LiveFeeds(List<FeedConfig> configFeeds, PollScheduler scheduler, FeedStore states, ChatFeedStore chatFeeds,
              Clock clock) {
        this.scheduler = scheduler;
        this.states = states;
        this.chatFeeds = chatFeeds;
        this.clock = clock;
        this.configFeeds = byId(configFeeds);
    }

    /** Every feed to poll at start: the config's, then the chat-added ones whose ids the config does not use. */
    synchronized List<FeedConfig> startingFeeds() {
        List<FeedConfig> out = new ArrayList<>(configFeeds.values());
        for (ChatFeed f : chatFeeds.all()) {
            if (!configFeeds.containsKey(f.id())) {
                chatScheduled.put(f.id(), f);
                out.add(asConfig(f));
            }
        }
        return out;
    }

    /** A restarted service keeps each feed's schedule (and backoff); a paused feed is not polled. */
    Optional<Instant> firstPoll(String feedId) {
        Optional<FeedState> state = states.find(feedId);
        if (state.map(FeedState::paused).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(state.flatMap(FeedState::nextPoll).orElse(clock.instant()));
    }

    /** Applies a reloaded config's feed changes to the schedule. */
    synchronized void applyConfig(ConfigChanges changes, List<FeedConfig> feeds) {
        configFeeds = byId(feeds);
        for (FeedConfig f : changes.addedFeeds()) {
            chatScheduled.remove(f.id());
            scheduler.put(f, firstPoll(f.id()));
        }
        for (FeedConfig f : changes.changedFeeds()) {
            scheduler.put(f, firstPoll(f.id()));
        }
        for (String id : changes.removedFeeds()) {
            scheduler.remove(id);
        }
        syncChatFeeds();
    }

    /**
     * Brings the schedule in line with the database's chat-added feeds (added or removed by this node, another node
     * or {@code herald opml import}).
     *
     * @return how many feeds were added or removed
     */
    synchronized int syncChatFeeds() {
        Map<String, ChatFeed> wanted = new LinkedHashMap<>();
        chatFeeds.all().stream().filter(f -> !configFeeds.containsKey(f.id())).forEach(f -> wanted.put(f.id(), f));
        int changes = 0;
        for (String id : List.copyOf(chatScheduled.keySet())) {
            if (!wanted.containsKey(id)) {
                chatScheduled.remove(id);
                scheduler.remove(id);
                changes++;
            }
        }
        for (ChatFeed f : wanted.values()) {
            ChatFeed was = chatScheduled.get(f.id());
            if (was == null || !was.url().equals(f.url()) || !was.interval().equals(f.interval())) {
                chatScheduled.put(f.id(), f);
                scheduler.put(asConfig(f), firstPoll(f.id()));
                LOG.info("feed {}: added from chat, polling {}", f.id(), f.url());
                changes++;
            }
        }
        return changes;
    }

    synchronized Optional<FeedConfig> configFeed(String id) {
        return Optional.ofNullable(configFeeds.get(id));
    }

    synchronized Optional<ChatFeed> chatFeed(String id) {
        return configFeeds.containsKey(id) ? Optional.empty() : Optional.ofNullable(chatScheduled.get(id));
    }

    /** Every feed polled now, config feeds first. */
    synchronized List<FeedConfig> all() {
        List<FeedConfig> out = new ArrayList<>(configFeeds.values());
        chatScheduled.values().forEach(f -> out.add(asConfig(f)));
        return out;
    }

    static FeedConfig asConfig(ChatFeed f) {
        return new FeedConfig(f.id(), URI.create(f.url()), f.interval());
    }

    private static Map<String, FeedConfig> byId(List<FeedConfig> feeds) {
        Map<String, FeedConfig> out = new LinkedHashMap<>();
        feeds.forEach(f -> out.put(f.id(), f));
        return out;
    }
}
