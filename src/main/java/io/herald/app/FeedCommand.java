package io.herald.app;

import io.herald.config.LoadedConfig;
import io.herald.feed.FeedException;
import io.herald.feed.FeedJson;
import io.herald.feed.FeedReader;
import io.herald.feed.FetchPolicy;
import io.herald.model.ParsedFeed;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald feed ...}: feed tools. */
@Command(name = "feed", description = "Feed tools.", subcommands = FeedCommand.Inspect.class)
final class FeedCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code herald feed inspect <url-or-file> [--json]}. */
    @Command(name = "inspect", description = "Fetch or read one feed and print its normalised items.")
    static final class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "URL-OR-FILE", description = "An http(s) URL or a local file.")
        String source;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Option(names = "--allow-private-addresses",
                description = "Allow URLs on loopback or private networks (default: network.allow_private_addresses).")
        boolean allowPrivate;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            ParsedFeed feed;
            try {
                feed = read();
            } catch (FeedException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            System.out.println(json ? FeedJson.render(feed) : FeedJson.renderText(feed));
            return Main.OK;
        }

        private ParsedFeed read() throws FeedException {
            String lower = source.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                FeedReader reader = new FeedReader(FetchPolicy.defaults(allowPrivate || configAllowsPrivate()));
                FeedReader.Discovered found = reader.discover("inspect", URI.create(source));
                found.page().ifPresent(page -> System.err.println("feed inspect: " + page
                        + " is a web page; reading the feed it announces: " + found.feedUrl()));
                return found.feed();
            }
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new UserInputException("feed inspect: " + source + " is neither an http(s) URL nor a readable file");
            }
            return new FeedReader(FetchPolicy.defaults(false)).readFile("inspect", file);
        }

        private boolean configAllowsPrivate() {
            if (!Files.isRegularFile(config.path())) {
                return false;
            }
            LoadedConfig loaded = config.load();
            return loaded.config().allowPrivateAddresses();
        }
    }
}
