package io.herald.chat;

import io.herald.model.Destination;
import io.herald.model.Subscription;
import io.herald.store.ChatSettingsStore;
import io.herald.store.SubscriptionStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The chat commands every platform shares. Answers every message with plain text: a result, a hint, or a short
 * explanation of what was wrong.
 */
public final class CommandRouter implements CommandHandler {
    static final String HINT = "Send /help to see what I can do.";

    private final SubscriptionStore subscriptions;
    private final int maxPerChat;
    private final Predicate<IncomingMessage> isAdmin;
    private final StatusReport status;
    private final AlertButtons buttons;
    private final java.util.Optional<DigestCommands> digests;
    private volatile java.util.function.Supplier<java.util.Set<String>> knownFeeds = java.util.Set::of;
    private volatile java.util.function.Function<Destination, Optional<String>> destinationCheck =
            d -> Optional.empty();

    /**
     * @param maxPerChat most subscriptions one chat may hold
     * @param isAdmin    whether the sender may run admin commands
     * @param status     the text of the admin {@code /status} command
     */
    public CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                         StatusReport status) {
        this(subscriptions, maxPerChat, isAdmin, status, java.util.Optional.empty());
    }

    /**
     * Also answers {@code /digest} and {@code /timezone}, stored in {@code chatSettings}.
     */
    public CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                         StatusReport status, ChatSettingsStore chatSettings) {
        this(subscriptions, maxPerChat, isAdmin, status, java.util.Optional.of(new DigestCommands(chatSettings)));
    }

    private CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                          StatusReport status, java.util.Optional<DigestCommands> digests) {
        this.subscriptions = subscriptions;
        this.maxPerChat = maxPerChat;
        this.isAdmin = isAdmin;
        this.status = status;
        this.buttons = new AlertButtons(subscriptions);
        this.digests = digests;
    }

    /** The feed ids {@code source:} may name (not checked until this is set). */
    public CommandRouter knownFeeds(java.util.function.Supplier<java.util.Set<String>> feeds) {
        this.knownFeeds = feeds;
        return this;
    }

    /** Asked before a chat subscribes: a reply refusing it (e.g. a Slack channel the bot is not in), or empty. */
    public CommandRouter checkDestinations(java.util.function.Function<Destination, Optional<String>> check) {
        this.destinationCheck = check;
        return this;
    }

    /** The commands to show in a platform's command menu. */
    public static List<BotCommandInfo> commands() {
        return List.of(
                new BotCommandInfo("subscribe", "Get alerts for a query, e.g. \"north korea\" OR kursk"),
                new BotCommandInfo("list", "Show your subscriptions"),
                new BotCommandInfo("unsubscribe", "Stop a subscription: /unsubscribe <number>"),
                new BotCommandInfo("digest", "Collect alerts: /digest hourly, daily 08:00 or off"),
                new BotCommandInfo("timezone", "Your time zone for digests, e.g. Europe/Berlin"),
                new BotCommandInfo("preview", "Link previews in alerts: large, small or none"),
                new BotCommandInfo("help", "How to write queries"),
                new BotCommandInfo("start", "Start or resume alerts"));
    }

    @Override
    public String handle(IncomingMessage message) {
        String text = message.text().strip();
        if (!text.startsWith("/")) {
            return "I only understand commands. Try /subscribe <keywords>. " + HINT;
        }
        int space = indexOfWhitespace(text);
        String command = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        int at = command.indexOf('@');
        if (at > 0) {
            command = command.substring(0, at);
        }
        String argument = space < 0 ? "" : text.substring(space).strip();
        return switch (command) {
            case "/start" -> start(message.replyTo());
            case "/help" -> Help.TEXT;
            case "/subscribe" -> subscribe(message, argument);
            case "/list" -> list(message.replyTo());
            case "/unsubscribe" -> unsubscribe(message.replyTo(), argument);
            case AlertButtons.MUTE -> buttons.mute(message.replyTo(), argument);
            case AlertButtons.UNSUBSCRIBE -> buttons.unsubscribe(message.replyTo(), argument);
            case "/digest" -> digests.map(d -> d.digest(message.replyTo(), argument))
                    .orElse("Digests are not available here.");
            case "/timezone" -> digests.map(d -> d.timezone(message.replyTo(), argument))
                    .orElse("Digests are not available here.");
            case "/preview" -> digests.map(d -> d.preview(message.replyTo(), argument))
                    .orElse("Link previews cannot be changed here.");
            case "/status" -> isAdmin.test(message) ? status.render()
                    : "Only Herald's admins can use /status.";
            default -> "I don't know the command " + command + ". " + HINT;
        };
    }

    private String start(Destination chat) {
        int resumed = subscriptions.setPaused(chat, false);
        String resumedLine = resumed > 0 ? "Welcome back: your " + resumed + " subscription(s) are active again.\n\n"
                : "";
        return resumedLine + "Hi, I'm Herald. I watch news feeds and send you a short alert with the link whenever"
                + " a new story matches your keywords.\n\nTry: /subscribe \"north korea\" OR kursk\n" + HINT;
    }

    private String subscribe(IncomingMessage message, String query) {
        if (query.isEmpty()) {
            return "Tell me what to watch for, e.g. /subscribe \"north korea\" OR kursk";
        }
        ChatQuery.Checked checked;
        try {
            checked = ChatQuery.check(query, knownFeeds.get());
        } catch (ChatQuery.Refused e) {
            return e.reply();
        }
        query = checked.query();
        String notes = checked.notes().isEmpty() ? "" : "\n" + String.join("\n", checked.notes());
        Destination chat = message.replyTo();
        Optional<String> refused = destinationCheck.apply(chat);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Subscription> owned = subscriptions.ownedBy(chat);
        if (owned.size() >= maxPerChat) {
            return "This chat already has " + owned.size() + " subscriptions, the most allowed. "
                    + "Remove one with /unsubscribe <number> first.";
        }
        Optional<Subscription> added = subscriptions.add(chat, query, message.userId());
        if (added.isEmpty()) {
            return "You are already subscribed to: " + query + notes;
        }
        return "Subscribed (#" + (owned.size() + 1) + "): " + query
                + "\nI'll send you new stories that match. /list shows all your subscriptions." + notes;
    }

    private String list(Destination chat) {
        List<Subscription> owned = subscriptions.ownedBy(chat);
        if (owned.isEmpty()) {
            return "You have no subscriptions yet. Try /subscribe \"north korea\" OR kursk";
        }
        StringBuilder sb = new StringBuilder("Your subscriptions:\n");
        for (int i = 0; i < owned.size(); i++) {
            sb.append(i + 1).append(". ").append(owned.get(i).query()).append('\n');
        }
        return sb.append("Remove one with /unsubscribe <number>.").toString();
    }

    private String unsubscribe(Destination chat, String argument) {
        if (argument.isEmpty()) {
            return "Which one? Send /unsubscribe <number>; /list shows the numbers.";
        }
        List<Subscription> owned = subscriptions.ownedBy(chat);
        int n;
        try {
            n = Integer.parseInt(argument.replace("#", ""));
        } catch (NumberFormatException e) {
            return "'" + argument + "' is not a number. Send /unsubscribe <number>; /list shows the numbers.";
        }
        if (n < 1 || n > owned.size()) {
            return owned.isEmpty() ? "You have no subscriptions to remove."
                    : "There is no subscription number " + n + ". /list shows numbers 1 to " + owned.size() + ".";
        }
        Subscription s = owned.get(n - 1);
        subscriptions.remove(s.id());
        return "Unsubscribed from #" + n + ": " + s.query();
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The text of the admin status report. */
    @FunctionalInterface
    public interface StatusReport {
        String render();
    }
}
