package io.herald.chat;

import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.model.Destination;
import io.herald.model.Platform;
import io.herald.model.Subscription;
import io.herald.store.ChatSettingsStore;
import io.herald.store.RecentStories;
import io.herald.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The chat commands every platform shares. Answers every message with a {@link Reply} from {@link Replies}: a
 * result, a hint, or a short explanation of what was wrong. In a shared chat, the commands that change the chat's
 * subscriptions or settings are for Herald's admins and for those the platform names ({@link ChatRole}); everyone
 * else gets one line saying so.
 */
public final class CommandRouter implements CommandHandler {
    /** Commands that change a chat's subscriptions or settings (the rest only read). */
    private static final Set<String> CHANGING = Set.of("/subscribe", "/unsubscribe", "/resume", AlertButtons.MUTE,
            AlertButtons.UNSUBSCRIBE, "/digest", "/timezone", "/preview");
    /** Settings commands that only read when they come without an argument. */
    private static final Set<String> READ_WITHOUT_ARGUMENT = Set.of("/digest", "/timezone", "/preview");
    /** How many matches /test lists, and /subscribe's preview. */
    static final int TEST_SHOWN = 10;
    static final int SUBSCRIBE_SHOWN = 3;

    private final SubscriptionStore subscriptions;
    private final int maxPerChat;
    private final Predicate<IncomingMessage> isAdmin;
    private final StatusReport status;
    private final AlertButtons buttons;
    private final Optional<DigestCommands> digests;
    private final Optional<QueryTrial> trial;
    private volatile java.util.function.Supplier<java.util.Set<String>> knownFeeds = java.util.Set::of;
    private volatile java.util.function.Function<Destination, Optional<Reply>> destinationCheck =
            d -> Optional.empty();

    /**
     * @param maxPerChat most subscriptions one chat may hold
     * @param isAdmin    whether the sender is one of Herald's admins
     * @param status     the text of the admin {@code /status} command
     */
    public CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                         StatusReport status) {
        this(subscriptions, maxPerChat, isAdmin, status, Optional.empty(), Optional.empty());
    }

    /** Also answers {@code /digest}, {@code /timezone} and {@code /preview}, stored in {@code chatSettings}. */
    public CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                         StatusReport status, ChatSettingsStore chatSettings) {
        this(subscriptions, maxPerChat, isAdmin, status, Optional.of(new DigestCommands(chatSettings)),
                Optional.empty());
    }

    /** Also answers {@code /test} and previews {@code /subscribe} on the {@code recent} stories. */
    public CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                         StatusReport status, ChatSettingsStore chatSettings, RecentStories recent) {
        this(subscriptions, maxPerChat, isAdmin, status, Optional.of(new DigestCommands(chatSettings)),
                Optional.of(new QueryTrial(recent)));
    }

    private CommandRouter(SubscriptionStore subscriptions, int maxPerChat, Predicate<IncomingMessage> isAdmin,
                          StatusReport status, Optional<DigestCommands> digests, Optional<QueryTrial> trial) {
        this.subscriptions = subscriptions;
        this.maxPerChat = maxPerChat;
        this.isAdmin = isAdmin;
        this.status = status;
        this.buttons = new AlertButtons(subscriptions);
        this.digests = digests;
        this.trial = trial;
    }

    /** The feed ids {@code source:} may name (not checked until this is set). */
    public CommandRouter knownFeeds(java.util.function.Supplier<java.util.Set<String>> feeds) {
        this.knownFeeds = feeds;
        return this;
    }

    /** Asked before a chat subscribes: a reply refusing it (e.g. a Slack channel the bot is not in), or empty. */
    public CommandRouter checkDestinations(java.util.function.Function<Destination, Optional<Reply>> check) {
        this.destinationCheck = check;
        return this;
    }

    /** The commands to show in a platform's command menu. */
    public static List<BotCommandInfo> commands() {
        return List.of(
                new BotCommandInfo("subscribe", "Get alerts for a query, e.g. \"north korea\" OR kursk"),
                new BotCommandInfo("test", "Try a query on recent stories without subscribing"),
                new BotCommandInfo("list", "Show your subscriptions and the routes that deliver here"),
                new BotCommandInfo("unsubscribe", "Stop a subscription: /unsubscribe <number>"),
                new BotCommandInfo("resume", "Turn muted subscriptions back on"),
                new BotCommandInfo("digest", "Collect alerts: /digest hourly, daily 08:00 or off"),
                new BotCommandInfo("timezone", "Your time zone for digests, e.g. Europe/Berlin"),
                new BotCommandInfo("preview", "Link previews in alerts: large, small or none"),
                new BotCommandInfo("help", "How to write queries"),
                new BotCommandInfo("start", "Start or resume alerts"));
    }

    @Override
    public Reply handle(IncomingMessage message) {
        String text = message.text().strip();
        if (!text.startsWith("/")) {
            return Replies.onlyCommands();
        }
        int space = indexOfWhitespace(text);
        String command = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        int at = command.indexOf('@');
        if (at > 0) {
            command = command.substring(0, at);
        }
        String argument = space < 0 ? "" : text.substring(space).strip();
        boolean changes = CHANGING.contains(command)
                && !(READ_WITHOUT_ARGUMENT.contains(command) && argument.isEmpty());
        try {
            if (changes && !mayChange(message)) {
                return refusal(message.replyTo());
            }
            return answer(message, command, argument);
        } catch (ChatRole.Unknown e) {
            return Replies.cannotTellWhoMayChange();
        }
    }

    private Reply answer(IncomingMessage message, String command, String argument) {
        Destination chat = message.replyTo();
        return switch (command) {
            case "/start" -> start(message);
            case "/help" -> Replies.help();
            case "/subscribe" -> subscribe(message, argument);
            case "/test" -> test(argument);
            case "/list" -> list(chat);
            case "/unsubscribe" -> unsubscribe(chat, argument);
            case "/resume" -> resume(message);
            case AlertButtons.MUTE -> buttons.mute(chat, argument);
            case AlertButtons.UNSUBSCRIBE -> buttons.unsubscribe(chat, argument);
            case "/digest" -> digests.map(d -> d.digest(chat, argument)).orElse(Replies.digestsUnavailable());
            case "/timezone" -> digests.map(d -> d.timezone(chat, argument)).orElse(Replies.digestsUnavailable());
            case "/preview" -> digests.map(d -> d.preview(chat, argument)).orElse(Replies.previewsUnavailable());
            case "/status" -> isAdmin.test(message) ? Reply.text(status.render()) : Replies.adminsOnly("/status");
            default -> Replies.unknownCommand(command);
        };
    }

    /** Whether the sender may change this chat: one of Herald's admins, or allowed by the platform. */
    private boolean mayChange(IncomingMessage message) {
        return isAdmin.test(message) || message.role().mayChangeChat();
    }

    static Reply refusal(Destination chat) {
        return chat.platform() == Platform.SLACK ? Replies.channelAdminsOnly() : Replies.groupAdminsOnly();
    }

    private Reply start(IncomingMessage message) {
        int resumed = mayChange(message) ? subscriptions.setPaused(message.replyTo(), false) : 0;
        return Replies.welcome(resumed);
    }

    private Reply subscribe(IncomingMessage message, String text) {
        if (text.isEmpty()) {
            return Replies.subscribeWhat();
        }
        ChatQuery.Checked checked;
        try {
            checked = ChatQuery.check(text, knownFeeds.get());
        } catch (ChatQuery.Refused e) {
            return e.reply();
        }
        String saved = checked.query();
        Reply notes = Reply.of("");
        for (Reply note : checked.notes()) {
            notes = notes.then(Reply.of("\n")).then(note);
        }
        Destination chat = message.replyTo();
        Optional<Reply> refused = destinationCheck.apply(chat);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Subscription> owned = subscriptions.ownedBy(chat);
        if (owned.size() >= maxPerChat) {
            return Replies.tooManySubscriptions(owned.size());
        }
        Optional<Subscription> added = subscriptions.add(chat, saved, message.userId());
        if (added.isEmpty()) {
            return Replies.alreadySubscribed(saved).then(notes);
        }
        Reply done = Replies.subscribed(owned.size() + 1, saved).then(notes);
        Query query;
        try {
            query = Query.parse(saved);
        } catch (QueryException e) {
            return done; // checked above; a preview is a bonus
        }
        return trial.map(t -> done.then(Reply.of("\n\n")).then(t.matches(query, SUBSCRIBE_SHOWN))).orElse(done);
    }

    private Reply test(String text) {
        if (text.isEmpty()) {
            return Replies.testWhat();
        }
        Query query;
        try {
            query = Query.parse(text);
        } catch (QueryException e) {
            return Replies.badQuery(e.position(), e.detail());
        }
        Reply reads = Replies.queryReads(query.toString()).then(Reply.of("\n"));
        return trial.map(t -> reads.then(t.matches(query, TEST_SHOWN)).then(Reply.of("\n"))
                .then(Replies.nothingSaved())).orElse(reads.then(Replies.nothingSaved()));
    }

    private Reply list(Destination chat) {
        List<Replies.Listed> own = new ArrayList<>();
        List<Replies.Listed> routes = new ArrayList<>();
        for (Subscription s : subscriptions.allFor(chat)) {
            boolean muted = subscriptions.isPaused(s.id());
            if (s.routeId().isPresent()) {
                routes.add(new Replies.Listed(s.routeId().get(), s.query(), muted));
            } else {
                own.add(new Replies.Listed("", s.query(), muted));
            }
        }
        return Replies.list(own, routes);
    }

    private Reply unsubscribe(Destination chat, String argument) {
        if (argument.isEmpty()) {
            return Replies.unsubscribeWhich();
        }
        List<Subscription> owned = subscriptions.ownedBy(chat);
        int n;
        try {
            n = Integer.parseInt(argument.replace("#", ""));
        } catch (NumberFormatException e) {
            return Replies.notANumber(argument);
        }
        if (n < 1 || n > owned.size()) {
            return owned.isEmpty() ? Replies.nothingToRemove() : Replies.noSuchNumber(n, owned.size());
        }
        Subscription s = owned.get(n - 1);
        subscriptions.remove(s.id());
        return Replies.unsubscribedNumber(n, s.query());
    }

    /** Turns the chat's muted subscriptions back on; muted routes only for Herald's admins. */
    private Reply resume(IncomingMessage message) {
        boolean admin = isAdmin.test(message);
        int own = 0;
        int routes = 0;
        int routesLeft = 0;
        for (Subscription s : subscriptions.allFor(message.replyTo())) {
            if (!subscriptions.isPaused(s.id())) {
                continue;
            }
            if (s.routeId().isEmpty()) {
                own += subscriptions.setPaused(s.id(), false) ? 1 : 0;
            } else if (admin) {
                routes += subscriptions.setRouteMuted(s.id(), false, message.userId()) ? 1 : 0;
            } else {
                routesLeft++;
            }
        }
        if (own + routes == 0 && routesLeft > 0) {
            return Replies.routesStayMuted(routesLeft);
        }
        Reply done = Replies.resumed(own, routes);
        return routesLeft == 0 ? done : done.then(Reply.of("\n")).then(Replies.routesStayMuted(routesLeft));
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
