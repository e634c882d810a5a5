package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.FeedConfig;
import io.herald.config.HeraldConfig;
import io.herald.config.Settings;
import io.herald.feed.Opml;
import io.herald.store.ChatFeed;
import io.herald.store.Database;
import io.herald.store.JdbcChatFeedStore;
import io.herald.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald opml export|import}: feeds out to and in from OPML subscription lists. */
@Command(name = "opml", description = "Feeds out to or in from an OPML file.",
        subcommands = {OpmlCommand.Export.class, OpmlCommand.Import.class})
final class OpmlCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options both subcommands share: the config file and the database. */
    static final class Sources {
        @Mixin
        ConfigOption config;

        @Option(names = "--db", paramLabel = "FILE",
                description = "SQLite file or jdbc:postgresql:// URL (default: $HERALD_DB or data/herald.db).")
        String db;

        Optional<HeraldConfig> configFile() {
            return Files.isRegularFile(config.path()) ? Optional.of(config.load().config()) : Optional.empty();
        }

        Database database() {
            if (db != null) {
                return Databases.open(db, Optional.empty());
            }
            try {
                return Databases.open(Settings.fromEnv(System.getenv()));
            } catch (ConfigException e) {
                throw UserInputException.from(e);
            }
        }
    }

    /** The config file's feeds, then the database's chat-added feeds whose ids the file does not use. */
    static List<FeedConfig> allFeeds(List<FeedConfig> configured, List<ChatFeed> chat) {
        List<FeedConfig> out = new ArrayList<>(configured);
        var ids = configured.stream().map(FeedConfig::id).collect(Collectors.toSet());
        chat.stream().filter(f -> !ids.contains(f.id())).map(LiveFeeds::asConfig).forEach(out::add);
        return out;
    }

    @Command(name = "export", description = "Print every feed (config file and chat-added) as OPML 2.0.")
    static final class Export implements Callable<Integer> {
        @Mixin
        Sources sources;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @Override
        public Integer call() {
            List<FeedConfig> configured = sources.configFile().map(HeraldConfig::feeds).orElse(List.of());
            List<ChatFeed> chat;
            try (Database db = sources.database()) {
                chat = new JdbcChatFeedStore(db).all();
            }
            var titles = chat.stream().collect(Collectors.toMap(ChatFeed::id, ChatFeed::title));
            byte[] document = Opml.write("Herald feeds", allFeeds(configured, chat).stream()
                    .map(f -> new Opml.Entry(f.id(), titles.getOrDefault(f.id(), ""), f.url().toString())).toList());
            if (out == null) {
                System.out.write(document, 0, document.length);
                System.out.flush();
                return Main.OK;
            }
            try {
                Files.write(out, document, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UserInputException("opml export: cannot write " + out + ": " + e.getMessage(), e);
            }
            System.err.println("opml export: " + allFeeds(configured, chat).size() + " feeds written to " + out);
            return Main.OK;
        }
    }

    @Command(name = "import", description = "Add every feed of an OPML file as chat-added feeds, or none: each bad"
            + " URL or duplicate is reported as FILE:LINE: message.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "An OPML file.")
        Path file;

        @Mixin
        Sources sources;

        @Override
        public Integer call() {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserInputException("opml import: cannot read " + file + ": " + e.getMessage(), e);
            }
            Optional<HeraldConfig> config = sources.configFile();
            Duration interval = config.map(HeraldConfig::defaultInterval).orElse(Duration.ofMinutes(10));
            try (Database db = sources.database()) {
                JdbcChatFeedStore store = new JdbcChatFeedStore(db);
                List<FeedConfig> existing = allFeeds(config.map(HeraldConfig::feeds).orElse(List.of()), store.all());
                OpmlImport.Plan plan = OpmlImport.plan(file.toString(), content, existing, interval, "opml import",
                        Instant.now());
                if (!plan.problems().isEmpty()) {
                    plan.problems().forEach(System.err::println);
                    throw new UserInputException("opml import: nothing was imported (" + plan.problems().size()
                            + " problem(s))");
                }
                try {
                    store.addAll(plan.feeds());
                } catch (StoreException e) {
                    throw new UserInputException("opml import: nothing was imported: " + e.getMessage(), e);
                }
                plan.feeds().forEach(f -> System.out.println(f.id() + "\t" + f.url()));
                System.err.println("opml import: " + plan.feeds().size() + " feeds added; a running Herald polls"
                        + " them within " + HeraldService.CHAT_FEED_SYNC.toSeconds() + " s");
            }
            return Main.OK;
        }
    }
}
