package io.herald.app;

import io.herald.chat.FeedAdmin;
import io.herald.config.Durations;
import io.herald.config.FeedConfig;
import io.herald.config.RouteConfig;
import io.herald.feed.FeedException;
import io.herald.feed.FeedReader;
import io.herald.feed.Opml;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.schedule.PollScheduler;
import io.herald.store.ChatFeed;
import io.herald.store.ChatFeedStore;
import io.herald.store.FeedState;
import io.herald.store.FeedStore;
import io.herald.store.StoreException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin commands' effects on the running service: {@link FeedAdmin} over the live feeds, stores and config. */
final class FeedAdminService implements FeedAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FeedAdminService.class);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final LiveFeeds live;
    private final ChatFeedStore chatFeeds;
    private final FeedStore states;
    private final PollScheduler scheduler;
    private final ConfigReloader reloader;
    private final Function<Boolean, FeedReader> readers;
    private final Clock clock;

    /** @param readers a feed reader for the SSRF rule given ({@code network.allow_private_addresses}) */
    FeedAdminService(LiveFeeds live, ChatFeedStore chatFeeds, FeedStore states, PollScheduler scheduler,
                     ConfigReloader reloader, Function<Boolean, FeedReader> readers, Clock clock) {
        this.live = live;
        this.chatFeeds = chatFeeds;
        this.states = states;
        this.scheduler = scheduler;
        this.reloader = reloader;
        this.readers = readers;
        this.clock = clock;
    }

    @Override
    public String feeds() {
        live.syncChatFeeds();
        List<FeedConfig> all = live.all();
        if (all.isEmpty()) {
            return "No feeds yet.";
        }
        Map<String, Instant> lastNew = chatFeeds.lastNewItems();
        Map<String, String> titles = chatFeeds.titles();
        Instant now = clock.instant();
        StringBuilder sb = new StringBuilder("Feeds (use the id in queries as source:<id>):\n");
        for (FeedConfig f : all) {
            Optional<ChatFeed> chat = live.chatFeed(f.id());
            Optional<FeedState> state = states.find(f.id());
            sb.append(f.id());
            Optional.ofNullable(titles.get(f.id())).or(() -> chat.map(ChatFeed::title)).filter(t -> !t.isBlank())
                    .ifPresent(t -> sb.append(" - ").append(t));
            sb.append(" (").append(chat.isPresent() ? "added in chat" : "config file").append(")\n  ")
                    .append(health(state)).append(" · last new item: ")
                    .append(Optional.ofNullable(lastNew.get(f.id())).map(t -> ago(t, now)).orElse("none yet"))
                    .append(" · next poll: ").append(nextPoll(f.id(), state, now)).append('\n');
        }
        return sb.toString().strip();
    }

    private static String health(Optional<FeedState> state) {
        if (state.isEmpty()) {
            return "not polled yet";
        }
        FeedState s = state.get();
        if (s.paused()) {
            return "paused (" + s.pausedReason().orElse("too many failed polls") + ")";
        }
        if (s.consecutiveErrors() > 0) {
            return "failing: " + s.lastError().orElse("?") + " (" + s.consecutiveErrors() + " in a row)";
        }
        return s.lastSuccess().isPresent() ? "ok" : "not polled yet";
    }

    private String nextPoll(String id, Optional<FeedState> state, Instant now) {
        if (state.map(FeedState::paused).orElse(false)) {
            return "none (paused)";
        }
        return scheduler.nextPoll(id).or(() -> state.flatMap(FeedState::nextPoll))
                .map(t -> t.isAfter(now) ? "in " + human(ChronoUnit.SECONDS.between(now, t)) : "now").orElse("now");
    }

    private static String ago(Instant t, Instant now) {
        return human(Math.max(0, ChronoUnit.SECONDS.between(t, now))) + " ago";
    }

    private static String human(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds < 172800 ? seconds / 3600 + " h" : seconds / 86400 + " days";
    }

    @Override
    public String addFeed(String url, Optional<String> id, Optional<String> interval, String addedBy) {
        Optional<String> bad = OpmlImport.badUrl(url);
        if (bad.isPresent()) {
            return "I can't add \"" + url + "\": " + bad.get() + ".";
        }
        if (id.isPresent() && !id.get().matches("[a-z0-9-]{1,64}")) {
            return "A feed id is lower-case letters, digits and hyphens, e.g. world-news.";
        }
        Duration every;
        try {
            every = interval.map(Durations::parse).orElse(reloader.running().defaultInterval());
        } catch (IllegalArgumentException e) {
            return "That interval is not a duration: " + e.getMessage() + ".";
        }
        if (every.compareTo(MIN_INTERVAL) < 0) {
            return "The interval must be at least 1s.";
        }
        if (id.isPresent() && live.configFeed(id.get()).isPresent()) {
            return "The id " + id.get() + " is a feed of the config file; choose another id.";
        }
        if (id.isPresent() && chatFeeds.find(id.get()).isPresent()) {
            return "There is already a feed " + id.get() + "; choose another id, or /removefeed it first.";
        }
        Optional<String> known = sameUrl(url);
        if (known.isPresent()) {
            return "I already poll " + url + " as feed " + known.get() + ".";
        }
        FeedReader.Discovered found;
        try {
            found = readers.apply(reloader.running().allowPrivateAddresses()).discover("addfeed", URI.create(url));
        } catch (FeedException e) {
            return "I can't add that feed: " + e.getMessage().replaceFirst("^addfeed: ", "");
        }
        String feedUrl = found.feedUrl().toString();
        Optional<String> knownFeed = sameUrl(feedUrl);
        if (knownFeed.isPresent()) {
            return "That page's feed " + feedUrl + " is already polled as feed " + knownFeed.get() + ".";
        }
        Set<String> taken = live.all().stream().map(FeedConfig::id).collect(Collectors.toCollection(HashSet::new));
        chatFeeds.all().forEach(f -> taken.add(f.id()));
        String feedId = id.orElseGet(() -> OpmlImport.unique(OpmlImport.slug(found.feed().title(), feedUrl), taken));
        ChatFeed feed = new ChatFeed(feedId, feedUrl, every, found.feed().title(), addedBy, clock.instant());
        try {
            chatFeeds.addAll(List.of(feed));
        } catch (StoreException e) {
            LOG.warn("addfeed: {}", e.getMessage());
            return "I couldn't save the feed (was it just added by someone else?). /feeds shows the feeds.";
        }
        live.syncChatFeeds();
        return "Added feed " + feedId + ": " + (found.feed().title().isBlank() ? "(no title)" : found.feed().title())
                + ", " + found.feed().items().size() + " items"
                + found.page().map(p -> ", found on the page " + p + " at " + feedUrl).orElse("")
                + ". Polled every " + Durations.format(every) + "; stories already listed are not alerted,"
                + " new ones are. Use source:" + feedId + " in queries.";
    }

    private Optional<String> sameUrl(String url) {
        String key = OpmlImport.key(url);
        for (FeedConfig f : live.all()) {
            if (OpmlImport.key(f.url().toString()).equals(key)) {
                return Optional.of(f.id());
            }
        }
        return Optional.empty();
    }

    @Override
    public String removeFeed(String id) {
        if (live.configFeed(id).isPresent()) {
            return ownedByFile(id, "remove it");
        }
        if (!chatFeeds.remove(id)) {
            return "There is no feed " + id + ". /feeds lists the ids.";
        }
        live.syncChatFeeds();
        return "Removed feed " + id + "; it is no longer polled.";
    }

    private String ownedByFile(String id, String what) {
        return "Feed " + id + " comes from the config file " + reloader.file() + ": " + what
                + " there (the file is watched; /reload reads it now).";
    }

    @Override
    public String pauseFeed(String id, String by) {
        Optional<FeedConfig> feed = find(id);
        if (feed.isEmpty()) {
            return "There is no feed " + id + ". /feeds lists the ids.";
        }
        if (states.find(id).map(FeedState::paused).orElse(false)) {
            return "Feed " + id + " is already paused; /resumefeed " + id + " restarts it.";
        }
        chatFeeds.pause(id, feed.get().url().toString(), "paused by admin " + by);
        scheduler.hold(id);
        return "Paused feed " + id + ": it is not polled until /resumefeed " + id + ".";
    }

    @Override
    public String resumeFeed(String id) {
        if (find(id).isEmpty()) {
            return "There is no feed " + id + ". /feeds lists the ids.";
        }
        if (!states.find(id).map(FeedState::paused).orElse(false)) {
            return "Feed " + id + " is not paused.";
        }
        states.resume(id);
        scheduler.pollNow(id);
        return "Resumed feed " + id + "; polling it now.";
    }

    private Optional<FeedConfig> find(String id) {
        live.syncChatFeeds();
        return live.all().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @Override
    public String routes() {
        List<RouteConfig> routes = reloader.running().routes();
        if (routes.isEmpty()) {
            return "No routes in the config file " + reloader.file() + ".";
        }
        StringBuilder sb = new StringBuilder("Routes (from " + reloader.file() + "):\n");
        for (RouteConfig r : routes) {
            sb.append(r.id()).append(": ").append(r.query()).append("\n  to ")
                    .append(r.to().stream().map(Destination::toString).collect(Collectors.joining(", ")))
                    .append(r.feeds().isEmpty() ? "; every feed" : "; feeds " + String.join(", ",
                            r.feeds().stream().sorted().toList())).append('\n');
        }
        return sb.toString().strip();
    }

    @Override
    public String reload(Platform platform, String userId) {
        return reloader.reload(platform, userId);
    }

    @Override
    public String importOpml(String fileName, byte[] content, String by) {
        live.syncChatFeeds();
        OpmlImport.Plan plan = OpmlImport.plan(fileName, content, live.all(), reloader.running().defaultInterval(),
                by, clock.instant());
        if (!plan.problems().isEmpty()) {
            return "Nothing was imported; " + plan.problems().size() + " problem(s):\n"
                    + String.join("\n", plan.problems());
        }
        try {
            chatFeeds.addAll(plan.feeds());
        } catch (StoreException e) {
            LOG.warn("opml import: {}", e.getMessage());
            return "Nothing was imported: a feed of the file was added meanwhile. Try again.";
        }
        live.syncChatFeeds();
        return "Imported " + plan.feeds().size() + " feed(s): "
                + plan.feeds().stream().map(ChatFeed::id).collect(Collectors.joining(", "))
                + ". Stories they list now are not alerted; new ones are.";
    }

    @Override
    public byte[] exportOpml() {
        live.syncChatFeeds();
        return Opml.write("Herald feeds", live.all().stream().map(f -> new Opml.Entry(f.id(),
                live.chatFeed(f.id()).map(ChatFeed::title).orElse(""), f.url().toString())).toList());
    }
}
