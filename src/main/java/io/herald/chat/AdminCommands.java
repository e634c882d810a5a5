package io.herald.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The admin commands ({@code /addfeed}, {@code /removefeed}, {@code /pausefeed}, {@code /resumefeed},
 * {@code /routes}, {@code /reload}, {@code /export}, an uploaded OPML file) for the admins named in the config, and
 * {@code /feeds} for everyone (read-only: the ids {@code source:} takes). Anyone else gets "admins only". Every other
 * message goes to the next handler; {@code /help} gets the admin commands appended for admins only.
 */
public final class AdminCommands implements CommandHandler, DocumentHandler {
    static final String ADMIN_HELP = """

            Admin commands:
            /feeds - every feed: id, title, health, last new item, next poll
            /addfeed <url> [id] [interval] - add a feed (a web page's announced feed is found)
            /removefeed <id> - remove a feed added from chat
            /pausefeed <id>, /resumefeed <id> - stop or restart polling a feed
            /routes - the config file's routes
            /reload - read the config file again
            /status - feed health and outbox counts
            /export - every feed as an OPML file; send me an .opml file to import one""";

    private final CommandHandler next;
    private final FeedAdmin admin;
    private final Predicate<IncomingMessage> isAdmin;

    public AdminCommands(CommandHandler next, FeedAdmin admin, Predicate<IncomingMessage> isAdmin) {
        this.next = next;
        this.admin = admin;
        this.isAdmin = isAdmin;
    }

    /** The menu entries to add to a platform's command list (only {@code /feeds} is for everyone). */
    public static List<BotCommandInfo> commands(List<BotCommandInfo> base) {
        List<BotCommandInfo> out = new ArrayList<>(base);
        out.add(Math.max(0, out.size() - 2), new BotCommandInfo("feeds", "The feeds Herald watches and their ids for source:"));
        return out;
    }

    @Override
    public String handle(IncomingMessage message) {
        String text = message.text().strip();
        String[] words = text.split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT);
        int at = command.indexOf('@');
        if (at > 0) {
            command = command.substring(0, at);
        }
        List<String> args = List.of(words).subList(1, words.length);
        return switch (command) {
            case "/feeds" -> admin.feeds();
            case "/help" -> next.handle(message) + (isAdmin.test(message) ? ADMIN_HELP : "");
            case "/addfeed", "/removefeed", "/pausefeed", "/resumefeed", "/routes", "/reload", "/export" ->
                    isAdmin.test(message) ? adminCommand(command, args, message)
                            : "Only Herald's admins can use " + command + " (admins only).";
            default -> next.handle(message);
        };
    }

    private String adminCommand(String command, List<String> args, IncomingMessage message) {
        String by = message.replyTo().platform().key() + ":" + message.userId();
        return switch (command) {
            case "/addfeed" -> args.isEmpty() || args.size() > 3
                    ? "Send /addfeed <url> [id] [interval], e.g. /addfeed https://example.org/news world 10m"
                    : admin.addFeed(args.get(0), arg(args, 1), arg(args, 2), by);
            case "/removefeed" -> oneId(command, args).orElseGet(() -> admin.removeFeed(args.get(0)));
            case "/pausefeed" -> oneId(command, args).orElseGet(() -> admin.pauseFeed(args.get(0), by));
            case "/resumefeed" -> oneId(command, args).orElseGet(() -> admin.resumeFeed(args.get(0)));
            case "/routes" -> admin.routes();
            case "/reload" -> admin.reload(message.replyTo().platform(), message.userId());
            default -> "/export sends a file, which this chat cannot receive; run herald opml export instead.";
        };
    }

    private static Optional<String> oneId(String command, List<String> args) {
        return args.size() == 1 ? Optional.empty()
                : Optional.of("Send " + command + " <id>; /feeds lists the ids.");
    }

    private static Optional<String> arg(List<String> args, int i) {
        return args.size() > i ? Optional.of(args.get(i)) : Optional.empty();
    }

    @Override
    public boolean wants(IncomingMessage from, String fileName) {
        return isAdmin.test(from) && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(opml|xml)");
    }

    @Override
    public String received(IncomingMessage from, String fileName, byte[] content) {
        if (!isAdmin.test(from)) {
            return "Only Herald's admins can import feeds (admins only).";
        }
        return admin.importOpml(fileName, content, from.replyTo().platform().key() + ":" + from.userId());
    }

    @Override
    public Optional<OutgoingFile> fileFor(IncomingMessage message) {
        String command = message.text().strip().split("\\s+")[0].toLowerCase(Locale.ROOT).replaceFirst("@.*", "");
        if (!command.equals("/export") || !isAdmin.test(message)) {
            return Optional.empty();
        }
        return Optional.of(new OutgoingFile("herald-feeds.opml", admin.exportOpml(),
                "Herald's feeds as OPML. Send an .opml file back to me to import feeds."));
    }
}
